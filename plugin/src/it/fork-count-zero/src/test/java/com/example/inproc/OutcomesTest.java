package com.example.inproc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A test that passes, one that fails, one that throws a JVM error; each prints. */
class OutcomesTest {
    @Test
    void passes() {
        System.out.println("out of a passing test");
        System.err.println("err of a passing test");
    }

    @Test
    void failsAnAssertion() {
        System.out.println("out before the failure");
        assertEquals(2, 1 + 2, "sum");
    }

    @Test
    void overflowsItsStack() {
        throw new StackOverflowError("a test's overflow");
    }
}
