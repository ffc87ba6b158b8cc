package com.example.versions;
import static org.junit.jupiter.api.Assertions.*;
import org.junit.jupiter.api.*;
class FlakyTest {
    static int runs;
    @Test void passesSecond() { if (runs++ == 0) fail("first run"); }
    @Test void fine() {}
    @Nested class Sub { @Test void subFine() {} }
}
