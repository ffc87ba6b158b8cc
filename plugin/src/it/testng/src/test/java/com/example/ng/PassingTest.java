package com.example.ng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class PassingTest {
    @Test
    public void adds() {
        System.out.println("PassingTest.adds prints this line");
        assertEquals(1 + 1, 2);
    }

    @Test
    public void concatenates() {
        assertEquals("a" + "b", "ab");
    }
}
