package com.example.parallel;

import org.junit.jupiter.api.Test;

/** Never runs: the build is refused before any test. */
class AlsoNeverRunsTest {
    @Test
    void wouldRun() {}
}
