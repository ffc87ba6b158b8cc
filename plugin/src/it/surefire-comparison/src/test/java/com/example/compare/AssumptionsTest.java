package com.example.compare;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class AssumptionsTest {
    @Test
    void holds() {
        assumeTrue(true);
    }

    @Test
    void doesNotHold() {
        assumeTrue(false, "not on this machine");
    }
}
