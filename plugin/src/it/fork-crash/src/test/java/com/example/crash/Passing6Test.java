package com.example.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Passing6Test {
    @Test
    void adds() throws Exception {
        Runs.record(Passing6Test.class);
        assertEquals(6 + 1, 1 + 6);
    }

    @Test
    void multiplies() {
        assertEquals(2 * 6, 6 * 2);
    }
}
