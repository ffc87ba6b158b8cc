package com.example.reports;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("An outer suite")
class NestedNamedTest {
    @Test
    void outer() {
        System.out.println("outer prints");
    }

    @Nested
    @DisplayName("an inner suite")
    class Inner {
        @Test
        void inner() {
            System.out.println("inner prints");
        }
    }
}
