package com.example.legacy;

import junit.framework.TestCase;

public class SetUpFailsTest extends TestCase {
    @Override
    protected void setUp() {
        throw new UnsupportedOperationException("no fixture");
    }

    public void testNeverRuns() {}
}
