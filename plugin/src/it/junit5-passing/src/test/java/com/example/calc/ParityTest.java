package com.example.calc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParityTest {
    private final Calculator calculator = new Calculator();

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4, 6})
    void evenNumbersAreEven(int n) {
        assertTrue(calculator.isEven(n));
    }

    @Test
    void oneIsOdd() {
        assertFalse(calculator.isEven(1));
    }
}
