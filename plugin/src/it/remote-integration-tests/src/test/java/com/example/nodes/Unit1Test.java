package com.example.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Unit1Test {
    @Test
    void doubles() {
        assertEquals(2 * 1, Parts.twice(1));
    }
}
