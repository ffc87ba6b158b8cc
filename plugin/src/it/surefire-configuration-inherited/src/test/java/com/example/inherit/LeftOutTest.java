package com.example.inherit;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/** Matches Surefire's default includes, not the pom's: it runs only if fast-ci ignored them. */
class LeftOutTest {
    @Test
    void doesNotRun() {
        fail("Surefire's includes were not applied");
    }
}
