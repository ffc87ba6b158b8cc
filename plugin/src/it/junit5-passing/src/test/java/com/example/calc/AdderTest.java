package com.example.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdderTest {
    private final Calculator calculator = new Calculator();

    @Test
    void addsPositives() {
        assertEquals(5, calculator.add(2, 3));
    }

    @Test
    void addsNegatives() {
        assertEquals(-5, calculator.add(-2, -3));
    }

    @Test
    void zeroIsNeutral() {
        assertEquals(7, calculator.add(7, 0));
    }
}
