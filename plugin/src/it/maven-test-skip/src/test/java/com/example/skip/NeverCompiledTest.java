package com.example.skip;

import org.junit.jupiter.api.Test;

class NeverCompiledTest {
    @Test
    void mustNotRun() {
        // maven.test.skip skips compiling this too; were it compiled, it would fail.
        throw new AssertionError("maven.test.skip was given: no test may run");
    }
}
