package com.acme.greeter;

import java.util.logging.Logger;

public final class Greeter {
    private static final Logger LOG = Logger.getLogger(Greeter.class.getName());

    public String greet(String name) {
        LOG.fine("greeting " + name);
        return "Hello, " + name;
    }
}
