package com.example.compare;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class SkippedIT {
    @Test
    void runs() {}

    @Test
    @Disabled("not yet")
    void disabled() {}

    @Test
    void assumptionFails() {
        assumeTrue(false, "not on this machine");
    }
}
