package com.example.legacy;

import junit.framework.TestCase;

/** Not named as a test: run only through AllLegacyTests' suite(). */
public class ThreadedChecks extends TestCase {
    static volatile boolean prepared;

    public ThreadedChecks() {}

    public ThreadedChecks(String name) {
        super(name);
    }

    public void testOne() {
        System.out.println("one on " + (Thread.currentThread().getName().startsWith("main") ? "main" : "a thread"));
    }

    public void testTwo() {
        assertTrue("prepared by the decorator", prepared);
        fail("two fails");
    }
}
