package com.example.suites;

import junit.framework.Test;
import junit.framework.TestCase;
import junit.framework.TestSuite;

/** A JUnit 3 suite() of other classes' suites, as joda-time's TestAllPackages: one report of all their tests. */
public class AllLegacyTest extends TestCase {
    public static Test suite() {
        TestSuite all = new TestSuite("all legacy");
        all.addTest(new TestSuite(LegacyOne.class));
        TestSuite more = new TestSuite("more");
        more.addTestSuite(LegacyTwo.class);
        all.addTest(more);
        return all;
    }
}
