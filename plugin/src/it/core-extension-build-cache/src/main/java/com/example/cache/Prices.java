package com.example.cache;

public final class Prices {
    private Prices() {}

    public static long withTax(long cents) {
        return cents + cents / 5;
    }
}
