package com.example.compare;

import org.junit.jupiter.api.Test;

class StaticInitFailsTest {
    static final int VALUE = compute();

    static int compute() {
        throw new IllegalArgumentException("bad static state");
    }

    @Test
    void usesValue() {
        System.out.println(VALUE);
    }
}
