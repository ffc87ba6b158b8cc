package com.example.alpha;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Matches Surefire's default includes, not alpha's: it runs only if alpha's configuration was lost. */
class AlphaTest {
    @Test
    void doesNotRun() {
        fail("alpha's includes were not applied");
    }
}
