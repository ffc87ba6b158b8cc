package com.example.legacy;

import junit.framework.TestCase;

public class LedgerTest extends TestCase {
    public void testFails() {
        assertEquals("a JUnit 3 failure is reported as one", 2, 1 + 2);
    }

    public void testThrows() {
        throw new IllegalStateException("the ledger is closed");
    }

    public void testComparesStrings() {
        assertEquals("debit", "credit");
    }
}
