package com.example.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BetaTest {
    @Test
    void subtracts() {
        assertEquals(1, 3 - 2);
    }

    @Test
    void divides() {
        assertEquals(4, 7 / 2, "integer division");
    }
}
