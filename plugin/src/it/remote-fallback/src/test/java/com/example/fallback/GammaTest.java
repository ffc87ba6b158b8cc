package com.example.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GammaTest {
    @Test
    void counts() {
        assertEquals(4, "Gamma".length() + (4 - "Gamma".length()));
    }
}
