package com.example.load;

import org.junit.jupiter.api.Test;

/** Loads and passes. */
class HealthyTest {
    @Test
    void passes() {}
}
