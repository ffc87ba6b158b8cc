package com.example.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GammaTest {
    @Test
    void adds() throws Exception {
        Thread.sleep(300); // long enough to be a bar of its own on the timeline
        assertEquals(4, 2 + 2);
    }
}
