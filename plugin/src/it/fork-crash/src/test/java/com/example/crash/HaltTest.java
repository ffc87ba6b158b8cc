package com.example.crash;

import org.junit.jupiter.api.Test;

class HaltTest {
    @Test
    void halts() throws Exception {
        Runs.record(HaltTest.class);
        Runtime.getRuntime().halt(7);
    }
}
