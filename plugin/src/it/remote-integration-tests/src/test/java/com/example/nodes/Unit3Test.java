package com.example.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Unit3Test {
    @Test
    void doubles() {
        assertEquals(2 * 3, Parts.twice(3));
    }
}
