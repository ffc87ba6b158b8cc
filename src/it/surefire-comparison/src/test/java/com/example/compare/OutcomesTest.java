package com.example.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutcomesTest {
    @Test
    void passes() {
        System.out.println("out from passes");
        System.err.println("err from passes");
    }

    @Test
    void failsAnAssertion() {
        assertEquals(2, 1 + 2, "sum");
    }

    @Test
    void throwsAnException() {
        throw new IllegalStateException("broken state");
    }
}
