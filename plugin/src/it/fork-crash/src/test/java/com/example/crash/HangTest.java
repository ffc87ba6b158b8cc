package com.example.crash;

import org.junit.jupiter.api.Test;

class HangTest {
    @Test
    void hangsPastTheForkTimeout() throws Exception {
        Runs.record(HangTest.class);
        Thread.sleep(600_000); // forkedProcessTimeoutInSeconds kills the fork first
    }
}
