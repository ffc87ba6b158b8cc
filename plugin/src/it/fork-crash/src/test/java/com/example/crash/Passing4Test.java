package com.example.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Passing4Test {
    @Test
    void adds() throws Exception {
        Runs.record(Passing4Test.class);
        assertEquals(4 + 1, 1 + 4);
    }

    @Test
    void multiplies() {
        assertEquals(2 * 4, 4 * 2);
    }
}
