package com.acme.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Failsafe's way: the packaged jar is the main module, the test classes patched into it. */
class GreeterIT {
    @Test
    void runsInTheModuleOfThePackagedJar() {
        Module module = getClass().getModule();
        assertEquals("com.acme.greeter", module.getName());
        assertSame(Greeter.class.getModule(), module);
        String location = Greeter.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith("module-path-1.0.jar"), location);
    }
}
