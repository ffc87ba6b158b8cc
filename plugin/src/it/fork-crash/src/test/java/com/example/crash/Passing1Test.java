package com.example.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Passing1Test {
    @Test
    void adds() throws Exception {
        Runs.record(Passing1Test.class);
        assertEquals(1 + 1, 1 + 1);
    }

    @Test
    void multiplies() {
        assertEquals(2 * 1, 1 * 2);
    }
}
