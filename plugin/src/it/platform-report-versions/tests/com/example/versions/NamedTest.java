package com.example.versions;
import org.junit.jupiter.api.*;
@DisplayName("A named suite")
class NamedTest { @Test void one() {} @Nested class Kid { @Test void two() {} } }
