package com.example.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class MixedTest {
    @Test
    void passes() {
        System.out.println("printed by a passing test");
    }

    @Test
    void fails() {
        System.out.println("printed by a failing test");
        assertEquals(2, 1 + 2, "sum");
    }

    @Test
    @Disabled("not yet")
    void later() {}
}
