package com.example.solo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Solo5Test {
    @Test
    void runsInAJvmOfItsOwn() throws Exception {
        Trail.leave(Solo5Test.class);
        assertEquals(4, 2 + 2);
    }

    @Test
    void secondTestSharesItsClassJvm() {
        assertEquals("solo", "so" + "lo");
    }
}
