package com.example.delta;

import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DeltaTest {
    @Test
    void isAUnitTest() {
        assertNull(System.getProperty("delta.it"), "Failsafe's configuration is not the unit tests'");
    }
}
