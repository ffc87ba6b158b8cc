package com.example.legacy;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class GreetingTest {
    @Test
    public void greetsByName() {
        assertEquals("Hello, Ada", "Hello, " + "Ada");
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsBlankName() {
        throw new IllegalArgumentException("blank");
    }
}
