package com.example.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InvoiceTest {
    @Test
    void totals() {
        assertEquals(5, 2 + 3);
    }

    @Test
    void roundsDown() {
        assertEquals(2, 5 / 2);
    }
}
