package com.example.covlate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class CalculatorTest {
    @Test
    void adds() {
        assertEquals(5, new Calculator().add(2, 3));
    }

    @Test
    void runsWithJacocosAgent() {
        assertTrue(
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .anyMatch(a -> a.startsWith("-javaagent:") && a.contains("org.jacoco.agent")),
                "JVM arguments: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    @Test
    void keepsTheUsersOwnOptionsAfterTheAgent() {
        assertEquals("kept", System.getProperty("it.late"));
    }
}
