package com.example.slow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuickTest {
    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }
}
