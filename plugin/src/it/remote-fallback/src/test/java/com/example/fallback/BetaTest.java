package com.example.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BetaTest {
    @Test
    void counts() {
        assertEquals(4, "Beta".length() + (4 - "Beta".length()));
    }
}
