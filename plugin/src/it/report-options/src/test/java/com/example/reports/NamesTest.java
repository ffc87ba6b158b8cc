package com.example.reports;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests whose phrased names differ from their names, for usePhrasedTestCaseMethodName. */
class NamesTest {
    @Test
    void plain() {}

    @Test
    @DisplayName("a named test")
    void named() {}

    @Test
    @DisplayName("a named failing test")
    void namedFailing() {
        fail("named failure");
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8})
    void add(int value) {}

    @ParameterizedTest(name = "value {0}")
    @DisplayName("named add")
    @ValueSource(ints = {9})
    void namedAdd(int value) {}

    @RepeatedTest(2)
    void repeated() {}

    @Test
    @Disabled("later")
    @DisplayName("a named skipped test")
    void skipped() {}
}
