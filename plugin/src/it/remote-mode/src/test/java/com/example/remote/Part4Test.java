package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part4Test {
    @Test
    void adds() {
        assertEquals(4 + 1, Integer.sum(4, 1));
    }

    @Test
    void multiplies() {
        assertEquals(4 * 2, Math.multiplyExact(4, 2));
    }
}
