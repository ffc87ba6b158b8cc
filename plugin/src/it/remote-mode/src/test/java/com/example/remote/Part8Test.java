package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part8Test {
    @Test
    void adds() {
        assertEquals(8 + 1, Integer.sum(8, 1));
    }

    @Test
    void multiplies() {
        assertEquals(8 * 2, Math.multiplyExact(8, 2));
    }
}
