package com.example.order;

import org.junit.jupiter.api.Test;

class CBrokenTest {
    @Test
    void runs() throws Exception {
        Runs.record(CBrokenTest.class, 0);
        if (Boolean.getBoolean("broken")) {
            throw new AssertionError("broken on purpose");
        }
    }
}
