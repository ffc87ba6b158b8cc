package com.example.versions;
import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.*;
class NestingTest {
    @Test void outer() {}
    @Nested class Inner {
        @Test void inner() {}
        @Test void innerFails() { fail("inner"); }
        @Nested class Deeper { @Test void deepest() {} }
    }
    @Nested @DisplayName("Named inner") class NamedInner { @Test void named() {} }
    @Test void outerLast() {}
}
