package com.example.legacy;

import junit.framework.TestCase;

/** A TestCase without test methods: JUnit 3's TestSuite adds its "warning" test, which fails. */
public class NoTestsTest extends TestCase {
    public void helper() {}
}
