package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part6Test {
    @Test
    void adds() {
        assertEquals(6 + 1, Integer.sum(6, 1));
    }

    @Test
    void multiplies() {
        assertEquals(6 * 2, Math.multiplyExact(6, 2));
    }
}
