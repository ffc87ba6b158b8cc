package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckoutIT {
    @Test
    void chargesTax() {
        assertEquals(240, Prices.withTax(200));
    }

    @Test
    void roundsHalfCentsUp() {
        assertEquals(2, Prices.withTax(1), "a failing integration test: verify must fail the build for it");
    }
}
