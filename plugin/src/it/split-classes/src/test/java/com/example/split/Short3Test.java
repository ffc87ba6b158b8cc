package com.example.split;

import org.junit.jupiter.api.Test;

class Short3Test {
    @Test
    void quick() throws Exception {
        Thread.sleep(50);
    }
}
