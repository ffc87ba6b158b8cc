package com.example.order;

import org.junit.jupiter.api.Test;

class ASlowTest {
    @Test
    void runs() throws Exception {
        Runs.record(ASlowTest.class, 1500);
    }
}
