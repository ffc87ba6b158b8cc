package com.example.compare;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BeforeAllFailsTest {
    @BeforeAll
    static void connect() {
        throw new IllegalStateException("database unavailable");
    }

    @Test
    void neverRuns() {}
}
