package com.acme.greeter.more;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A package of the test classes only: patched into the module with them. */
class MoreTest {
    @Test
    void isInTheModuleToo() {
        String expected = Boolean.getBoolean("expect.classpath") ? null : "com.acme.greeter";
        assertEquals(expected, getClass().getModule().getName());
    }
}
