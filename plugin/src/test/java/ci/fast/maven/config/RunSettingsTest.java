package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSettingsTest {
    private static RunSettings.Builder minimal() {
        return RunSettings.builder("test")
                .testClassesDirectory(Path.of("target/test-classes"))
                .workingDirectory(Path.of("."))
                .reports(Path.of("target/surefire-reports"), false, false, true)
                .remote(null, null, true, "junit-shop");
    }

    @Test
    void defaultsAreSurefires() {
        RunSettings settings = minimal().build();

        assertEquals(1, settings.jvm().forkCount());
        assertTrue(settings.jvm().reuseForks());
        assertTrue(settings.jvm().enableAssertions());
        assertEquals(Duration.ZERO, settings.jvm().timeout());
        assertEquals(Duration.ofSeconds(30), settings.jvm().exitTimeout());
        assertEquals(RunOrder.FILESYSTEM, settings.selection().runOrder());
        assertTrue(settings.selection().failIfNoSpecifiedTests());
        assertFalse(settings.selection().failIfNoTests());
        assertTrue(settings.reports().printSummary());
        assertEquals(List.of(), settings.notices());
    }

    @Test
    void refusesNegativeCountsWithSurefiresWording() {
        SettingsException reruns =
                assertThrows(SettingsException.class, () -> minimal().reruns(-1, 0));
        assertEquals(
                "Parameter \"rerunFailingTestsCount\" should not be negative, was -1: set it to 0 or more.",
                reruns.getMessage());
        assertThrows(SettingsException.class, () -> minimal().reruns(1, -1));
        assertThrows(SettingsException.class, () -> minimal().timeouts(-5, 30));
        assertThrows(SettingsException.class, () -> minimal().timeouts(0, -1));
    }

    @Test
    void refusesAFlakeLimitWithoutReruns() {
        SettingsException e =
                assertThrows(SettingsException.class, () -> minimal().reruns(0, 1));

        assertEquals(
                "\"failOnFlakeCount\" requires rerunFailingTestsCount to be at least 1: set both, or neither.",
                e.getMessage());
    }

    @Test
    void refusesAForkCountThatIsNoCount() {
        SettingsException e =
                assertThrows(SettingsException.class, () -> minimal().forkCount("many", 2));

        assertTrue(e.getMessage().startsWith("forkCount must be a whole number"), e.getMessage());
        assertEquals(4, minimal().forkCount("2C", 2).build().jvm().forkCount());
    }

    @Test
    void refusesAnEmptyRunKey() {
        assertThrows(SettingsException.class, () -> RunSettings.builder("test").remote(null, null, true, " "));
    }

    @Test
    void debuggingMeansOneForkWithoutATimeLimit() {
        RunSettings settings =
                minimal().forkCount("4", 2).timeouts(60, 30).debug("true").build();

        assertEquals(1, settings.jvm().forkCount());
        assertEquals(Duration.ZERO, settings.jvm().timeout());
        assertTrue(
                settings.jvm().debug().contains("address=localhost:5005"),
                settings.jvm().debug());
        assertEquals("-Xdebug", minimal().debug("-Xdebug").build().jvm().debug());
        assertNull(minimal().debug("false").build().jvm().debug());
    }

    @Test
    void theSecretNeverShowsInTheSettingsText() {
        RunSettings settings = minimal()
                .remote("wss://example.org:443", "s3cr3t-key", true, "junit-shop")
                .build();

        assertFalse(settings.toString().contains("s3cr3t-key"), settings.toString());
        assertEquals("s3cr3t-key", settings.remote().secretKey());
    }

    @Test
    void keepsEveryNotice() {
        RunSettings settings = minimal().notice("a: b").notice("c: d").build();

        assertEquals(List.of("a: b", "c: d"), settings.notices());
    }

    @Test
    void aRetryRerunsAllItRanUnlessToldFailedAndNothingElseIsAMode() {
        assertFalse(minimal().build().remote().retryFailedOnly(), "all, by default");
        assertFalse(minimal().retry("all").build().remote().retryFailedOnly());
        assertTrue(minimal().retry(" Failed ").build().remote().retryFailedOnly());

        SettingsException e =
                assertThrows(SettingsException.class, () -> minimal().retry("some"));
        assertEquals(
                "fastCi.retry must be all (rerun every class the retried job ran before) or failed (only those that"
                        + " failed there); was some",
                e.getMessage());
    }
}
