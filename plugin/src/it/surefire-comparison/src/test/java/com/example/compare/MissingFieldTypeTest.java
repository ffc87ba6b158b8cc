package com.example.compare;

import org.junit.jupiter.api.Test;

// Loads, but its field's type is missing at run time: the class fails as a whole when JUnit reads its fields.
class MissingFieldTypeTest {
    GoneAtRunTime gone;

    @Test
    void neverRuns() {}
}
