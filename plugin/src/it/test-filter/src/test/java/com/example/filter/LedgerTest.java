package com.example.filter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LedgerTest {
    @Test
    void post() {
        assertTrue(true, "post");
    }

    @Test
    void close() {
        assertTrue(true, "close");
    }

    @Test
    void balance() {
        assertTrue(true, "balance");
    }
}
