package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Surefire's skipAfterFailureCount in the run's settings: off by default, kept as given, never negative. */
class RunSettingsSkipAfterFailureCountTest {
    private static RunSettings.Builder minimal() {
        return RunSettings.builder("test")
                .testClassesDirectory(Path.of("target/test-classes"))
                .workingDirectory(Path.of("."))
                .reports(Path.of("target/surefire-reports"), false, false, true)
                .remote(null, null, true, "junit-shop");
    }

    @Test
    void isOffByDefaultAndKeptAsGiven() {
        assertEquals(0, minimal().build().jvm().skipAfterFailureCount());
        assertEquals(3, minimal().skipAfterFailureCount(3).build().jvm().skipAfterFailureCount());
    }

    @Test
    void refusesANegativeCountWithSurefiresWording() {
        SettingsException e =
                assertThrows(SettingsException.class, () -> minimal().skipAfterFailureCount(-2));

        assertEquals(
                "Parameter \"skipAfterFailureCount\" should not be negative, was -2: set it to 0 or more.",
                e.getMessage());
    }
}
