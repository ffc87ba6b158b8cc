package com.acme.greeter.internal;

/** In a package the module neither exports nor opens, and no test class is in. */
public final class Secret {
    private static final String CODE = "42";

    private Secret() {}
}
