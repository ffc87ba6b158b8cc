package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part1Test {
    @Test
    void adds() {
        assertEquals(1 + 1, Integer.sum(1, 1));
    }

    @Test
    void multiplies() {
        assertEquals(1 * 2, Math.multiplyExact(1, 2));
    }
}
