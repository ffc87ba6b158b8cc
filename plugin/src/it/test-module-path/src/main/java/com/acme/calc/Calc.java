package com.acme.calc;

public final class Calc {
    public int add(int a, int b) {
        return a + b;
    }
}
