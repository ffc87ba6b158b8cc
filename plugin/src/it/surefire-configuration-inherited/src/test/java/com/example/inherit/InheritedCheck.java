package com.example.inherit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs only through Surefire's includes; each test is one value taken from Surefire's configuration. */
class InheritedCheck {
    @Test
    void systemPropertyVariablesWithTheModelsExpressions() {
        assertEquals(
                Path.of(System.getProperty("basedir")).toAbsolutePath(),
                Path.of(System.getProperty("inherited.basedir")).toAbsolutePath());
    }

    @Test
    void systemPropertyVariablesWithThePluginsExpressions() {
        assertEquals("fast-ci-maven-plugin", System.getProperty("inherited.evaluated"));
    }

    @Test
    void environmentVariablesOfTheParentAndOfTheDefaultTestExecution() {
        assertEquals("parent", System.getenv("FROM_PARENT"));
        assertEquals("execution", System.getenv("FROM_EXECUTION"));
    }

    @Test
    void argLineOfTheProfile() {
        assertEquals("profile", System.getProperty("inherited.profile"));
    }

    @Test
    void enableAssertionsOfThePluginManagement() {
        boolean enabled = false;
        assert enabled = true;
        assertFalse(enabled, "assertions are enabled: enableAssertions=false was not taken");
    }
}
