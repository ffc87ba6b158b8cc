package com.example.params;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BetaTest {
    @Test
    void runs() {
        assertTrue(true);
    }
}
