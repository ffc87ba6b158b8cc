package com.example.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PricesTest {
    @Test
    void addsTheTax() {
        assertEquals(120, Prices.withTax(100));
    }
}
