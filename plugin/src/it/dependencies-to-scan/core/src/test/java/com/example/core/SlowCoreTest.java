package com.example.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlowCoreTest {
    @Test
    void crunches() {
        assertTrue("crunches".length() > 0);
    }
}
