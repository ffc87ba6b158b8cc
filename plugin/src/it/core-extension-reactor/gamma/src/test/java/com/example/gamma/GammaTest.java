package com.example.gamma;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Its module skips its tests: it runs only if Surefire's skipTests was lost. */
class GammaTest {
    @Test
    void doesNotRun() {
        fail("gamma's skipTests was not applied");
    }
}
