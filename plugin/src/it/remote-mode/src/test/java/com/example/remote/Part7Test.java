package com.example.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part7Test {
    @Test
    void adds() {
        assertEquals(7 + 1, Integer.sum(7, 1));
    }

    @Test
    void multiplies() {
        assertEquals(7 * 2, Math.multiplyExact(7, 2));
    }
}
