package com.example.legacy;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class LedgerTest {
    @Test
    public void balances() {
        assertEquals(0, 1 - 1);
    }
}
