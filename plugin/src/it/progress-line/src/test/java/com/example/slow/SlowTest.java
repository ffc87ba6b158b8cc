package com.example.slow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs for 5 s, long enough for a progress line or two. */
class SlowTest {
    @Test
    void takesItsTime() throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(5000);
        assertTrue(System.nanoTime() - start >= 5_000_000_000L);
    }
}
