package com.example.legacy;

import junit.framework.TestCase;

/** Abstract: neither runner runs or reports it. */
public abstract class AbstractAccountTest extends TestCase {
    public void testInherited() {
        assertTrue(balance() >= 0);
    }

    protected abstract int balance();
}
