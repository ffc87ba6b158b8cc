package com.example.compare;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestingTest {
    @Test
    void outer() {}

    @Nested
    class Inner {
        @Test
        void innerPasses() {}

        @Test
        void innerFails() {
            fail("inner failure");
        }

        @Nested
        class Deeper {
            @Test
            void deepest() {}
        }
    }
}
