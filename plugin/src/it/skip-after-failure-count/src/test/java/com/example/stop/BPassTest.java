package com.example.stop;

import org.junit.jupiter.api.Test;

class BPassTest {
    @Test
    void one() throws Exception {
        Ran.mark(BPassTest.class);
    }

    @Test
    void two() {}
}
