package com.example.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

// Output printed in a static initializer and @BeforeAll goes with the first test to finish, a test's own with it,
// the @AfterAll's with no test.
@TestMethodOrder(MethodOrderer.MethodName.class)
class OutcomesTest {
    static {
        System.out.println("out from the static initializer");
    }

    @BeforeAll
    static void setUp() {
        System.err.println("err from beforeAll");
    }

    @AfterAll
    static void tearDown() {
        System.out.println("out from afterAll");
    }

    @Test
    void passes() {
        System.out.println("out from passes");
        System.err.println("err from passes");
    }

    @Test
    void failsAnAssertion() {
        System.out.println("out from failsAnAssertion");
        assertEquals(2, 1 + 2, "sum");
    }

    @Test
    void throwsAnException() {
        System.err.println("err from throwsAnException");
        throw new IllegalStateException("broken state");
    }
}
