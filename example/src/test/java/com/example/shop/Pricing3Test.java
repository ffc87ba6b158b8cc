package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pricing3Test {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void multipliesByQuantity(int quantity) throws InterruptedException {
        Thread.sleep(100L * 3); // stands in for real work of uneven length
        Cart cart = new Cart();
        cart.add(new BigDecimal("3"), quantity);
        assertEquals(new BigDecimal(3 * quantity), cart.total());
    }
}
