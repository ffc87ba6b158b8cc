package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part2Test {
    @Test
    void adds() {
        assertEquals(2 + 1, Integer.sum(2, 1));
    }

    @Test
    void multiplies() {
        assertEquals(2 * 2, Math.multiplyExact(2, 2));
    }
}
