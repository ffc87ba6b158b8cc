package com.example.beta;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Surefire's defaults: alpha's configuration is alpha's alone. */
class BetaTest {
    @Test
    void hasNoneOfAlphasSystemProperties() {
        assertNull(System.getProperty("module.name"));
    }
}
