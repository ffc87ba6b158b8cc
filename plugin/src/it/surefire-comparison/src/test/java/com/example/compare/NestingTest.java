package com.example.compare;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NestingTest {
    @Test
    void outer() {
        System.out.println("out from outer");
    }

    @Nested
    class Inner {
        @BeforeAll
        static void innerSetUp() {
            System.out.println("out from the inner beforeAll");
        }

        @AfterAll
        static void innerTearDown() {
            System.out.println("out from the inner afterAll");
        }

        @Test
        void innerPasses() {}

        @Test
        void innerFails() {
            System.out.println("out from innerFails");
            fail("inner failure");
        }

        @Nested
        class Deeper {
            @Test
            void deepest() {}
        }
    }

    @Nested
    class Second {
        @Test
        void second() {
            System.err.println("err from second");
        }
    }
}
