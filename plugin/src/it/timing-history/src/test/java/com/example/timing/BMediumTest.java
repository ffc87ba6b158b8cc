package com.example.timing;

import org.junit.jupiter.api.Test;

class BMediumTest {
    @Test
    void runs() throws Exception {
        Runs.record(BMediumTest.class, 700);
    }
}
