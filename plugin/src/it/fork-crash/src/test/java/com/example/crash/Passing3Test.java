package com.example.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Passing3Test {
    @Test
    void adds() throws Exception {
        Runs.record(Passing3Test.class);
        assertEquals(3 + 1, 1 + 3);
    }

    @Test
    void multiplies() {
        assertEquals(2 * 3, 3 * 2);
    }
}
