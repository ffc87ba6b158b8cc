package com.example.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Batch9Test {
    @Test
    void runs() throws Exception {
        // Long enough that the queue is shared out in several batches per fork.
        Thread.sleep(150);
        assertTrue(true);
    }
}
