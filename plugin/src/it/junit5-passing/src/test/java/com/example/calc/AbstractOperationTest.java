package com.example.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Matches the test name pattern but is abstract: it runs only through its subclasses. */
abstract class AbstractOperationTest {
    abstract int apply(int a, int b);

    abstract int expected();

    @Test
    void appliesToTwoAndThree() {
        assertEquals(expected(), apply(2, 3));
    }
}
