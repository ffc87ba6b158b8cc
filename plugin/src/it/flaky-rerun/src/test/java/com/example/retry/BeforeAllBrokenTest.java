package com.example.retry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Fails in @BeforeAll every time: as under Surefire 3.5.4, the whole class runs again each time. */
class BeforeAllBrokenTest {
    static int runs;

    @BeforeAll
    static void connect() {
        runs++;
        System.out.println("connect, run " + runs);
        throw new IllegalStateException("database unavailable");
    }

    @Test
    void neverRuns() {}
}
