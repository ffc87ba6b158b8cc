package com.example.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AlphaTest {
    @Test
    void counts() {
        assertEquals(4, "Alpha".length() + (4 - "Alpha".length()));
    }
}
