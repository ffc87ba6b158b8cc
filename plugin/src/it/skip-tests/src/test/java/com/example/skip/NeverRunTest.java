package com.example.skip;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class NeverRunTest {
    @Test
    void mustNotRun() {
        fail("skipTests was given: no test may run");
    }
}
