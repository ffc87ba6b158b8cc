package com.example.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Passing5Test {
    @Test
    void adds() throws Exception {
        Runs.record(Passing5Test.class);
        assertEquals(5 + 1, 1 + 5);
    }

    @Test
    void multiplies() {
        assertEquals(2 * 5, 5 * 2);
    }
}
