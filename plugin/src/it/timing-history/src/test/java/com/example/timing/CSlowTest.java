package com.example.timing;

import org.junit.jupiter.api.Test;

class CSlowTest {
    @Test
    void runs() throws Exception {
        Runs.record(CSlowTest.class, 1800);
    }
}
