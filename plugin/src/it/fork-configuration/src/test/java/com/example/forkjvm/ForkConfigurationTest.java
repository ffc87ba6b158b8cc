package com.example.forkjvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each test checks one thing the pom (or the command line) configured for the forked JVM. */
class ForkConfigurationTest {
    @Test
    void seesSystemPropertyVariables() {
        assertEquals("from the pom", System.getProperty("it.variable"));
    }

    @Test
    void seesTheBuildsUserProperties() {
        assertEquals("cli", System.getProperty("it.fromCommandLine"));
    }

    @Test
    void seesArgLineWithItsLatePropertyReplaced() {
        assertEquals("late-value", System.getProperty("from.argLine"));
        assertTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-Xmx256m"));
    }

    @Test
    void printsToTheOutputFile() {
        System.out.println("printed by ForkConfigurationTest to stdout");
        System.err.println("printed by ForkConfigurationTest to stderr");
    }

    @Test
    void seesEnvironmentVariables() {
        assertEquals("from the pom env", System.getenv("IT_FORK_ENV"));
    }

    @Test
    void runsInTheWorkingDirectory() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        assertEquals(Path.of("target", "work"), cwd.getParent().getParent().relativize(cwd));
        assertEquals(cwd.toString(), System.getProperty("user.dir"));
        // A relative path lands there too; verify.groovy checks the file.
        Files.writeString(Path.of("written-by-test.txt"), "relative paths resolve against workingDirectory");
    }

    @Test
    void runsWithAssertionsEnabled() {
        assertTrue(ForkConfigurationTest.class.desiredAssertionStatus());
        assertThrows(AssertionError.class, () -> {
            assert false : "assertions are on";
        });
    }

    @Test
    void seesBasedirAndLocalRepository() {
        Path basedir = Path.of(System.getProperty("basedir"));
        assertTrue(basedir.isAbsolute(), basedir.toString());
        assertTrue(Files.isRegularFile(basedir.resolve("pom.xml")), basedir.toString());
        assertEquals(basedir.resolve("target/work"), Path.of("").toAbsolutePath());
        assertTrue(Files.isDirectory(Path.of(System.getProperty("localRepository"))));
    }
}
