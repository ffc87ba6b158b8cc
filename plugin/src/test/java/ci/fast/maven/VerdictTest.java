package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ci.fast.maven.config.RunSettings;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.run.RunOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** Flakes pass the build until {@code failOnFlakeCount} is reached, with Surefire's message. */
class VerdictTest {
    private static final Path REPORTS = Path.of("target", "surefire-reports");

    /** Keeps each line with its level instead of printing it. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            lines.add("INFO " + content);
        }

        @Override
        public void warn(CharSequence content) {
            lines.add("WARN " + content);
        }

        @Override
        public void error(CharSequence content) {
            lines.add("ERROR " + content);
        }
    }

    @Test
    void logsTheTotalsOfSkippedTestsAtInfoFromSurefire356OnAndFlakesAtWarnInEvery() throws MojoFailureException {
        assertEquals(
                List.of(false, false, true, true, true),
                Stream.of("3.2.5", "3.5.5", "3.5.6", "3.6.0-M1", null)
                        .map(Verdict::skippedAtInfo)
                        .toList());
        RecordingLog log = new RecordingLog();
        new Verdict(log, REPORTS, new RunSettings.Verdict(false, 0), true, true)
                .judge(new RunOutcome(summaryWithFlakes(1), List.of()));

        assertEquals(
                "WARN Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Flakes: 1",
                log.lines.get(log.lines.size() - 2));
    }

    @Test
    void logsFlakesAsSurefireDoesAtTheirLevels() throws MojoFailureException {
        RecordingLog log = new RecordingLog();
        new Verdict(log, REPORTS, new RunSettings.Verdict(false, 0), true, false)
                .judge(new RunOutcome(summaryWithFlakes(1), List.of()));

        assertEquals(
                List.of(
                        "INFO ",
                        "INFO Results:",
                        "INFO ",
                        "WARN Flakes: ",
                        "WARN com.acme.FlakyTest.t0",
                        "ERROR   Run 1: FlakyTest.t0 once",
                        "INFO   Run 2: PASS",
                        "INFO ",
                        "WARN Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Flakes: 1",
                        "INFO "),
                log.lines);
    }

    @Test
    void passesWithAFlakeUnlessFailOnFlakeCountIsReached() {
        RunOutcome outcome = new RunOutcome(summaryWithFlakes(1), List.of());

        assertDoesNotThrow(
                () -> new Verdict(new RecordingLog(), REPORTS, new RunSettings.Verdict(false, 0), true, false)
                        .judge(outcome));
        assertDoesNotThrow(
                () -> new Verdict(new RecordingLog(), REPORTS, new RunSettings.Verdict(false, 2), true, false)
                        .judge(outcome));
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> new Verdict(
                        new RecordingLog(), REPORTS, new RunSettings.Verdict(false, 1), true, false)
                .judge(outcome));
        assertEquals("There is 1 flake and failOnFlakeCount is set to 1.", e.getMessage());
    }

    @Test
    void namesEveryFlakeInThePluralAndOnlyLogsWhenFailuresAreIgnored() {
        RunOutcome outcome = new RunOutcome(summaryWithFlakes(2), List.of());

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> new Verdict(
                        new RecordingLog(), REPORTS, new RunSettings.Verdict(false, 2), true, false)
                .judge(outcome));
        assertEquals("There are 2 flakes and failOnFlakeCount is set to 2.", e.getMessage());
        assertDoesNotThrow(() ->
                new Verdict(new RecordingLog(), REPORTS, new RunSettings.Verdict(true, 2), true, false).judge(outcome));
    }

    @Test
    void failsTheBuildForAForksErrorEvenWhenTestFailuresAreIgnoredLikeSurefire() {
        RecordingLog log = new RecordingLog();
        RunOutcome outcome = new RunOutcome(new RunSummary(), List.of("fork 1: the fork failed: NoClassDefFoundError"));

        MojoFailureException e = assertThrows(
                MojoFailureException.class,
                () -> new Verdict(log, REPORTS, new RunSettings.Verdict(true, 0), true, false).judge(outcome));

        assertEquals(true, e.getMessage().contains("fork 1: the fork failed: NoClassDefFoundError"), e.getMessage());
        assertEquals(
                true,
                log.lines.contains("INFO Tests run: 0, Failures: 0, Errors: 0, Skipped: 0"),
                log.lines.toString());
    }

    @Test
    void onlyLogsTestFailuresWhenTheyAreIgnored() {
        RecordingLog log = new RecordingLog();
        RunSummary summary = new RunSummary();
        summary.add(ClassResult.builder("com.acme.FooTest")
                .tests(List.of(TestResult.builder("t", "com.acme.FooTest", Status.FAILED)
                        .failure("java.lang.AssertionError", "no", "t")
                        .build()))
                .build());

        assertDoesNotThrow(() -> new Verdict(log, REPORTS, new RunSettings.Verdict(true, 0), true, false)
                .judge(new RunOutcome(summary, List.of())));
        assertEquals(true, log.lines.stream().anyMatch(line -> line.startsWith("ERROR There are test failures.")));
    }

    private static RunSummary summaryWithFlakes(int flakes) {
        RunSummary summary = new RunSummary();
        for (int i = 0; i < flakes; i++) {
            TestResult first = TestResult.builder("t" + i, "com.acme.FlakyTest", Status.FAILED)
                    .failure("java.lang.AssertionError", "once", null)
                    .build();
            TestResult pass = TestResult.builder("t" + i, "com.acme.FlakyTest", Status.PASSED)
                    .build();
            summary.add(ClassResult.builder("com.acme.FlakyTest")
                    .tests(List.of(first.withRerun(pass)))
                    .build());
        }
        return summary;
    }
}
