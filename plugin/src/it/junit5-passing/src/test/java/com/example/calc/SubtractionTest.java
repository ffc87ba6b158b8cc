package com.example.calc;

class SubtractionTest extends AbstractOperationTest {
    @Override
    int apply(int a, int b) {
        return new Calculator().add(a, -b);
    }

    @Override
    int expected() {
        return -1;
    }
}
