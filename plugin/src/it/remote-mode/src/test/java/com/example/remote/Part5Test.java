package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part5Test {
    @Test
    void adds() {
        assertEquals(5 + 1, Integer.sum(5, 1));
    }

    @Test
    void multiplies() {
        assertEquals(5 * 2, Math.multiplyExact(5, 2));
    }
}
