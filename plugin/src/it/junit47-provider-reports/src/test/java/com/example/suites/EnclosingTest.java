package com.example.suites;

import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.junit.experimental.runners.Enclosed;
import org.junit.runner.RunWith;

/** Inner classes run by Enclosed: under the JUnit 4 provider one report, the outer class's, holds their tests. */
@RunWith(Enclosed.class)
public class EnclosingTest {
    public static class WhenEmpty {
        @Test
        public void hasNoElements() {
            assertTrue(new java.util.ArrayList<>().isEmpty());
        }
    }

    public static class WhenFull {
        @Test
        public void hasElements() {
            assertTrue(!java.util.List.of(1).isEmpty());
        }

        @Test
        public void fails() {
            assertTrue("full is not empty", java.util.List.of(1).isEmpty());
        }
    }
}
