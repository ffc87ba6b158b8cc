package com.example.legacy;

import junit.extensions.ActiveTestSuite;
import junit.extensions.RepeatedTest;
import junit.extensions.TestSetup;
import junit.framework.Test;
import junit.framework.TestSuite;

/** A suite() of suites, a decorator, a repeated test and tests that run in threads of their own: one report. */
public class AllLegacyTests {
    public static Test suite() {
        TestSuite all = new TestSuite("all legacy");
        all.addTestSuite(MoneyTest.class);
        all.addTest(new TestSetup(new TestSuite(ThreadedChecks.class)) {
            @Override
            protected void setUp() {
                ThreadedChecks.prepared = true;
            }
        });
        all.addTest(new RepeatedTest(new ThreadedChecks("testOne"), 2));
        ActiveTestSuite threads = new ActiveTestSuite("in threads");
        threads.addTest(new ThreadedChecks("testOne"));
        threads.addTest(new ThreadedChecks("testOne"));
        all.addTest(threads);
        return all;
    }
}
