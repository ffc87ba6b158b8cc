package com.example.shop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A shopping cart: lines of price and quantity. */
public final class Cart {
    private final List<BigDecimal> lines = new ArrayList<>();

    public void add(BigDecimal price, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        lines.add(price.multiply(BigDecimal.valueOf(quantity)));
    }

    public BigDecimal total() {
        return lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public int size() {
        return lines.size();
    }
}
