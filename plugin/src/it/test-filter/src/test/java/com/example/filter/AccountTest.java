package com.example.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccountTest {
    @Test
    void deposits() {
        assertTrue(true, "deposits");
    }

    @Test
    void withdrawals() {
        assertTrue(true, "withdrawals");
    }

    @Test
    void startsAtZero() {
        assertTrue(true, "startsAtZero");
    }
}
