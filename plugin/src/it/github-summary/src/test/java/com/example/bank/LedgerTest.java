package com.example.bank;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void emptyLedgerBalances() {
        assertTrue(new Account().balance() == 0);
    }

    @Test
    void postingToClosedLedgerFails() {
        post(new Account(), 10);
    }

    private static void post(Account account, int amount) {
        throw new IllegalStateException("ledger is closed");
    }
}
