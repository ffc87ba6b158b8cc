package com.example.queue;

import org.junit.jupiter.api.Test;

class Queue18Test {
    @Test
    void runsOnce() throws Exception {
        RunRecorder.record(getClass());
    }
}
