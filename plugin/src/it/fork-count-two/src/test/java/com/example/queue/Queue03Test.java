package com.example.queue;

import org.junit.jupiter.api.Test;

class Queue03Test {
    @Test
    void runsOnce() throws Exception {
        RunRecorder.record(getClass());
    }
}
