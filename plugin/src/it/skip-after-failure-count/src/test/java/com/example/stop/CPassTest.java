package com.example.stop;

import org.junit.jupiter.api.Test;

class CPassTest {
    @Test
    void one() throws Exception {
        Ran.mark(CPassTest.class);
    }

    @Test
    void two() {}
}
