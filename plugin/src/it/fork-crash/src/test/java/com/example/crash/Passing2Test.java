package com.example.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Passing2Test {
    @Test
    void adds() throws Exception {
        Runs.record(Passing2Test.class);
        assertEquals(2 + 1, 1 + 2);
    }

    @Test
    void multiplies() {
        assertEquals(2 * 2, 2 * 2);
    }
}
