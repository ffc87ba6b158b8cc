package com.example.covplain;

public final class Calculator {
    public int add(int a, int b) {
        return a + b;
    }

    public int neverCalled(int a) {
        return a * 2;
    }
}
