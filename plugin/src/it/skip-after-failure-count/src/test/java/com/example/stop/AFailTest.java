package com.example.stop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AFailTest {
    @Test
    void fails() throws Exception {
        Ran.mark(AFailTest.class);
        assertEquals(5, 2 + 2, "the first failure");
    }

    @Test
    void passes() {}
}
