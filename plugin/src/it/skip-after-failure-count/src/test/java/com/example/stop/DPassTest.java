package com.example.stop;

import org.junit.jupiter.api.Test;

class DPassTest {
    @Test
    void one() throws Exception {
        Ran.mark(DPassTest.class);
    }

    @Test
    void two() {}
}
