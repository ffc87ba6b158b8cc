package com.example.alpha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.junit.jupiter.api.Test;

/** Runs only through alpha's includes, with alpha's system properties. */
class AlphaSpec {
    @Test
    void hasTheModulesSystemProperties() {
        assertEquals("alpha", System.getProperty("module.name"));
    }

    @Test
    void seesWhatTheOtherExtensionSet() {
        String os = System.getProperty("detected.os");
        assertNotNull(os);
        assertFalse(os.contains("${"), os);
    }
}
