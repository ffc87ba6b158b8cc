package com.example.compare;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplatesTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void isSmall(int value) {
        assertTrue(value < 3, "too big: " + value);
    }

    @RepeatedTest(2)
    void repeats() {}

    @TestFactory
    Stream<DynamicTest> dynamic() {
        return Stream.of("a", "b").map(s -> DynamicTest.dynamicTest("dyn " + s, () -> assertTrue(!s.equals("b"))));
    }
}
