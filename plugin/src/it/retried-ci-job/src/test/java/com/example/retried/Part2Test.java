package com.example.retried;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Part2Test {
    @Test
    void works() throws Exception {
        Thread.sleep(500); // long enough that both nodes of the first attempt get classes
        throw new AssertionError("Part2Test fails in every attempt");
    }
}
