package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExitCauseTest {
    @ParameterizedTest
    @CsvSource({"137, 9, SIGKILL", "143, 15, SIGTERM", "134, 6, SIGABRT", "139, 11, SIGSEGV"})
    void namesTheSignalThatKilledTheFork(int exitCode, int signal, String name) {
        assertEquals(
                "the forked JVM was killed by signal " + signal + " (" + name + ") (exit code " + exitCode + ")",
                ExitCause.describe(exitCode));
    }

    @Test
    void givesTheNumberOfASignalWithoutAName() {
        assertEquals("the forked JVM was killed by signal 2 (exit code 130)", ExitCause.describe(130));
    }

    @Test
    void hintsAtSystemExitWhenTheForkExitedWithZero() {
        assertEquals(
                "the forked JVM exited with code 0 before finishing (a test called System.exit?)",
                ExitCause.describe(0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 128, 160, 255, -1})
    void reportsOtherExitCodesAsThey(int exitCode) {
        String cause = ExitCause.describe(exitCode);

        assertEquals("the forked JVM exited with code " + exitCode + " before finishing", cause);
        assertFalse(cause.contains("signal"));
        assertFalse(cause.contains("System.exit"));
    }

    @Test
    void callsTheLowestSignalExitCodeASignal() {
        assertTrue(ExitCause.describe(129).contains("signal 1 "), ExitCause.describe(129));
    }
}
