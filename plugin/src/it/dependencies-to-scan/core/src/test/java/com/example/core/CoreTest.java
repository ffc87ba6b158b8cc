package com.example.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CoreTest {
    @Test
    void parses() {
        assertTrue("parses".length() > 0);
    }

    @Test
    void formats() {
        assertTrue("formats".length() > 0);
    }
}
