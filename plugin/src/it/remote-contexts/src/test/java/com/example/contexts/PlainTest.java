package com.example.contexts;

import org.junit.jupiter.api.Test;

class PlainTest {
    @Test
    void needsNoContext() throws Exception {
        Thread.sleep(300);
    }
}
