package com.example.compare;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A named suite")
class NamedTest {
    @Test
    @DisplayName("a named passing test")
    void plain() {}

    @Test
    @DisplayName("a named failing test")
    void failing() {
        fail("named failure");
    }

    @Nested
    @DisplayName("a named inner suite")
    class Inner {
        @Test
        void inner() {}
    }
}
