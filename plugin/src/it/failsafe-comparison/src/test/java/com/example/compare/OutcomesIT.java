package com.example.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

// A passing, a failing and an erroring integration test, each printing, against the packaged main classes.
@TestMethodOrder(MethodOrderer.MethodName.class)
class OutcomesIT {
    @Test
    void greets() {
        System.out.println("out from greets");
        assertEquals("Hello, you", Greeter.greet("you"));
    }

    @Test
    void failsAnAssertion() {
        System.out.println("out from failsAnAssertion");
        assertEquals("Hi, you", Greeter.greet("you"), "greeting");
    }

    @Test
    void throwsAnException() {
        System.err.println("err from throwsAnException");
        throw new IllegalStateException("broken state");
    }
}
