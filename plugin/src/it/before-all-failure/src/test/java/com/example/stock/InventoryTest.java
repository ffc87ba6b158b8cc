package com.example.stock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryTest {
    @BeforeAll
    static void connect() {
        throw new IllegalStateException("inventory database unavailable");
    }

    @Test
    void countsItems() {
        assertTrue(true);
    }

    @Test
    void reservesItems() {
        assertTrue(true);
    }
}
