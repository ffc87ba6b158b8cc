package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CartTest {
    @Test
    void totalsLines() {
        Cart cart = new Cart();
        cart.add(new BigDecimal("2.50"), 2);
        cart.add(new BigDecimal("1.00"), 1);
        assertEquals(new BigDecimal("6.00"), cart.total());
    }

    @Test
    void rejectsZeroQuantity() {
        assertThrows(IllegalArgumentException.class, () -> new Cart().add(BigDecimal.ONE, 0));
    }

    @Test
    void startsEmpty() {
        System.out.println("a new cart has " + new Cart().size() + " lines");
        assertEquals(0, new Cart().size());
    }
}
