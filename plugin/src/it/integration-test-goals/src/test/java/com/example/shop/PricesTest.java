package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A unit test: fast-ci:test runs it, fast-ci:integration-test does not. */
class PricesTest {
    @Test
    void addsTax() {
        assertEquals(120, Prices.withTax(100));
    }
}
