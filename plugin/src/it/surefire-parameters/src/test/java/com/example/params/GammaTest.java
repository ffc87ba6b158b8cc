package com.example.params;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GammaTest {
    @Test
    void runs() {
        assertTrue(true);
    }
}
