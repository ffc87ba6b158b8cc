package com.example.reports;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A passing suite")
class PassingTest {
    @Test
    void first() {
        System.out.println("printed by a passing test");
    }

    @Test
    void second() {
        System.err.println("printed on stderr by a passing test");
    }
}
