package com.example.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Unit2Test {
    @Test
    void doubles() {
        assertEquals(2 * 2, Parts.twice(2));
    }
}
