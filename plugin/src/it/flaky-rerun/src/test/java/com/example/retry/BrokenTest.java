package com.example.retry;

import org.junit.jupiter.api.Test;

class BrokenTest {
    @Test
    void failsEveryTime() {
        throw new IllegalStateException("broken every time");
    }
}
