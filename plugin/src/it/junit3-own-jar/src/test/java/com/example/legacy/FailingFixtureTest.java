package com.example.legacy;

import junit.extensions.TestSetup;
import junit.framework.Test;
import junit.framework.TestSuite;

/** A suite() whose decorator's setUp() throws: an error that no test started. */
public class FailingFixtureTest {
    public static Test suite() {
        return new TestSetup(new TestSuite(MoneyTest.class)) {
            @Override
            protected void setUp() {
                throw new IllegalStateException("no database");
            }
        };
    }
}
