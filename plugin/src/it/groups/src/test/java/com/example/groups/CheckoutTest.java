package com.example.groups;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CheckoutTest {
    @Test
    @Tag("fast")
    void quickTotal() {
        assertEquals(5, 2 + 3);
    }

    @Test
    @Tag("slow")
    void fullRecalculation() {
        assertEquals(10, 4 + 6);
    }

    @Test
    void plain() {
        assertEquals(1, 1);
    }
}
