package com.example.calc;

public final class Calculator {
    public int add(int a, int b) {
        return a + b;
    }

    public int negate(int a) {
        return -a;
    }

    public boolean isEven(int a) {
        return a % 2 == 0;
    }
}
