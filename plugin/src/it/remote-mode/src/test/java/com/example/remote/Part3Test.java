package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part3Test {
    @Test
    void adds() {
        assertEquals(3 + 1, Integer.sum(3, 1));
    }

    @Test
    void multiplies() {
        assertEquals(3 * 2, Math.multiplyExact(3, 2));
    }
}
