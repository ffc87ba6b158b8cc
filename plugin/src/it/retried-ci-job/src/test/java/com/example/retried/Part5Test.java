package com.example.retried;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part5Test {
    @Test
    void works() throws Exception {
        Thread.sleep(500); // long enough that both nodes of the first attempt get classes
        assertEquals(2, Integer.sum(1, 1));
    }
}
