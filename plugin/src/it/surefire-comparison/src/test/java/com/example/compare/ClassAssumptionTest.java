package com.example.compare;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClassAssumptionTest {
    @BeforeAll
    static void onlySomewhere() {
        assumeTrue(false, "class needs a database");
    }

    @Test
    void first() {}

    @Test
    void second() {}
}
