package com.example.suites;

import junit.framework.TestCase;

/** A JUnit 3 test case run only through {@link AllLegacyTest}'s suite(). */
public class LegacyTwo extends TestCase {
    public void testThird() {}
}
