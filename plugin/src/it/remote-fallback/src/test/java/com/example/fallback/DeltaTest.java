package com.example.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DeltaTest {
    @Test
    void counts() {
        assertEquals(4, "Delta".length() + (4 - "Delta".length()));
    }
}
