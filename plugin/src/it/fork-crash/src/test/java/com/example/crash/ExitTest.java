package com.example.crash;

import org.junit.jupiter.api.Test;

class ExitTest {
    @Test
    void exits() throws Exception {
        Runs.record(ExitTest.class);
        System.exit(3);
    }
}
