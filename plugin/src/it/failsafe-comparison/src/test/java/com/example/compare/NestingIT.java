package com.example.compare;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestingIT {
    @Test
    void outer() {
        System.out.println("out from outer");
    }

    @Nested
    class Inner {
        @Test
        void innerPasses() {}

        @Test
        void innerFails() {
            System.out.println("out from innerFails");
            fail("inner failure");
        }
    }
}
