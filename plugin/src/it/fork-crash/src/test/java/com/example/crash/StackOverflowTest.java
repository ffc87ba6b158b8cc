package com.example.crash;

import org.junit.jupiter.api.Test;

class StackOverflowTest {
    @Test
    void overflowsTheStack() throws Exception {
        Runs.record(StackOverflowTest.class);
        recurse(0);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
