package com.example.ng;

import org.testng.annotations.Test;

/** A TestNG class with a static nested test class: TestNG runs both, Surefire reports both in this class's report. */
public class OuterTest {
    @Test
    public void outer() {}

    public static class InnerTest {
        @Test
        public void inner() {}
    }
}
