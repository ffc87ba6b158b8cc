package com.example.suites;

import junit.framework.TestCase;

/** A JUnit 3 test case run only through {@link AllLegacyTest}'s suite(). */
public class LegacyOne extends TestCase {
    public void testFirst() {}

    public void testSecond() {
        assertEquals("legacy", 1, 2);
    }
}
