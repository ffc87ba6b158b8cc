package com.example.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeltaIT {
    @Test
    void runsWithFailsafesConfiguration() {
        assertEquals("from Failsafe's configuration", System.getProperty("delta.it"));
    }
}
