package com.example.retry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fails in @BeforeAll the first time only: as under Surefire 3.5.4, its rerun passes and runs its test, and the
 * first failure still counts as an error.
 */
class BeforeAllFlakyTest {
    static int runs;

    @BeforeAll
    static void connect() {
        if (++runs == 1) {
            throw new IllegalStateException("first time only");
        }
    }

    @Test
    void runsOnTheRerun() {}
}
