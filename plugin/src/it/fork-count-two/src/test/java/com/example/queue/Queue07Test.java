package com.example.queue;

import org.junit.jupiter.api.Test;

class Queue07Test {
    @Test
    void runsOnce() throws Exception {
        RunRecorder.record(getClass());
    }
}
