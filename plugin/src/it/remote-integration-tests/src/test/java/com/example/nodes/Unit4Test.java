package com.example.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Unit4Test {
    @Test
    void doubles() {
        assertEquals(2 * 4, Parts.twice(4));
    }
}
