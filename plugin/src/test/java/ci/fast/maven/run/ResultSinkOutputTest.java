package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TestSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultSinkOutputTest {
    @TempDir
    Path reports;

    /** Records what the sink says, in order, with its level. */
    private static final class RecordingLog implements RunLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String line) {
            lines.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }

        @Override
        public void error(String line) {
            lines.add("ERROR " + line);
        }

        @Override
        public void debug(String line) {
            lines.add("DEBUG " + line);
        }

        @Override
        public void output(String text, boolean stderr) {
            lines.add((stderr ? "ERR " : "OUT ") + text);
        }
    }

    private static ClassResult printing(String cls, String out, String err) {
        TestResult test = TestResult.builder("works", cls, Status.PASSED)
                .seconds(0.01)
                .build()
                .withOutput(out, err);
        return ClassResult.builder(cls)
                .tests(List.of(test))
                .seconds(0.02)
                .output(out, err)
                .build();
    }

    @Test
    void showsTheOutputOnTheConsoleBeforeTheClassLineByDefault() {
        RecordingLog log = new RecordingLog();
        Reporting.sink(reports, ReportOptions.DEFAULTS, log).accept(printing("com.acme.FooTest", "hello\n", "oops\n"));

        assertEquals("OUT hello\n", log.lines.get(0));
        assertEquals("ERR oops\n", log.lines.get(1));
        assertTrue(log.lines.get(2).startsWith("INFO Tests run: 1"), log.lines.get(2));
        assertFalse(Files.exists(reports.resolve("com.acme.FooTest-output.txt")));
    }

    @Test
    void writesTheOutputToItsOwnFileInsteadWhenRedirected() throws Exception {
        RecordingLog log = new RecordingLog();
        Reporting.sink(
                        reports,
                        new ReportOptions(
                                true,
                                false,
                                true,
                                true,
                                null,
                                null,
                                false,
                                null,
                                null,
                                ReportLayout.SUREFIRE,
                                true,
                                true),
                        log)
                .accept(printing("com.acme.FooTest", "hello\n", "oops\n"));

        assertEquals(1, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).startsWith("INFO Tests run: 1"), log.lines.get(0));
        assertEquals(
                "hello\noops\n",
                Files.readString(reports.resolve("com.acme.FooTest-output.txt"), StandardCharsets.UTF_8));
        assertTrue(
                Files.readString(reports.resolve("TEST-com.acme.FooTest.xml")).contains("hello"));
    }

    @Test
    void printsALineForEachContainerAsSurefireTheNestedOnesFirst() {
        RecordingLog log = new RecordingLog();
        String cls = "com.acme.NestingTest";
        TestResult outer =
                TestResult.builder("outer", cls, Status.PASSED).seconds(0.01).build();
        TestResult inner = TestResult.builder("inner", cls + "$Inner", Status.FAILED)
                .seconds(0.01)
                .failure("java.lang.AssertionError", "no", "trace")
                .build();
        ClassResult result = ClassResult.builder(cls)
                .tests(List.of(outer, inner))
                .seconds(0.5)
                .sets(List.of(
                        new TestSet("inner named", "inner named", "inner named", 2, 0.25),
                        new TestSet(cls, cls, cls, 2, 0.5)))
                .build();

        Reporting.sink(reports, ReportOptions.DEFAULTS, log).accept(result);

        assertEquals(
                List.of(
                        "ERROR Tests run: 2, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.250 s <<< FAILURE! -- in inner named",
                        // The heading, then the trace and an empty line, in one message, as Surefire prints them.
                        "ERROR " + cls + ".inner -- Time elapsed: 0.010 s <<< FAILURE!\ntrace\n",
                        "INFO Tests run: 0, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.500 s -- in " + cls),
                log.lines);
    }

    @Test
    void writesNoOutputFileForAClassThatPrintedNothing() {
        RecordingLog log = new RecordingLog();
        Reporting.sink(
                        reports,
                        new ReportOptions(
                                true,
                                false,
                                true,
                                true,
                                null,
                                null,
                                false,
                                null,
                                null,
                                ReportLayout.SUREFIRE,
                                true,
                                true),
                        log)
                .accept(printing("com.acme.QuietTest", "", ""));

        assertFalse(Files.exists(reports.resolve("com.acme.QuietTest-output.txt")));
        assertTrue(Files.exists(reports.resolve("TEST-com.acme.QuietTest.xml")));
    }

    @Test
    void trimsStackTracesInTheReportsWhenAsked() throws Exception {
        String trace = "java.lang.AssertionError: no\n\tat org.junit.Assert.fail(Assert.java:1)\n"
                + "\tat com.acme.FooTest.works(FooTest.java:7)\n";
        TestResult failed = TestResult.builder("works", "com.acme.FooTest", Status.FAILED)
                .seconds(0.01)
                .failure("java.lang.AssertionError", "no", trace)
                .build();
        Reporting.sink(
                        reports,
                        new ReportOptions(
                                false,
                                true,
                                true,
                                true,
                                null,
                                null,
                                false,
                                null,
                                null,
                                ReportLayout.SUREFIRE,
                                true,
                                true),
                        new RecordingLog())
                .accept(ClassResult.builder("com.acme.FooTest")
                        .tests(List.of(failed))
                        .seconds(0.02)
                        .build());

        String xml = Files.readString(reports.resolve("TEST-com.acme.FooTest.xml"));
        assertTrue(xml.contains("com.acme.FooTest.works(FooTest.java:7)"), xml);
        assertFalse(xml.contains("org.junit.Assert.fail"), xml);
    }

    private static ReportOptions options(boolean redirect, ReportLayout layout, boolean testsetInfo, boolean output) {
        return new ReportOptions(
                redirect, false, true, true, null, null, false, null, null, layout, testsetInfo, output);
    }

    @Test
    void thePlainFormatShowsEveryTestsLineAtItsClassLinesLevel() {
        RecordingLog log = new RecordingLog();
        String cls = "com.acme.FooTest";
        TestResult passed =
                TestResult.builder("adds", cls, Status.PASSED).seconds(0.01).build();
        TestResult skipped = TestResult.builder("later", cls, Status.SKIPPED).build();
        ClassResult result = ClassResult.builder(cls)
                .tests(List.of(passed, skipped))
                .seconds(0.5)
                .build();

        Reporting.sink(
                        reports,
                        options(false, ReportLayout.builder().plain(true).build(), true, true),
                        log)
                .accept(result);

        assertEquals(
                List.of(
                        "WARN Tests run: 2, Failures: 0, Errors: 0, Skipped: 1, Time elapsed: 0.500 s -- in " + cls,
                        "WARN " + cls + ".adds -- Time elapsed: 0.010 s",
                        "WARN " + cls + ".later skipped"),
                log.lines);
    }

    @Test
    void aFormatOtherThanBriefOrPlainShowsTheClassLinesOnly() {
        RecordingLog log = new RecordingLog();
        String cls = "com.acme.FooTest";
        TestResult failed = TestResult.builder("fails", cls, Status.FAILED)
                .seconds(0.01)
                .failure("java.lang.AssertionError", "no", "trace")
                .build();

        Reporting.sink(
                        reports,
                        options(false, ReportLayout.builder().testLines(false).build(), true, true),
                        log)
                .accept(ClassResult.builder(cls)
                        .tests(List.of(failed))
                        .seconds(0.5)
                        .build());

        assertEquals(
                List.of(
                        "ERROR Tests run: 1, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.500 s <<< FAILURE! -- in "
                                + cls),
                log.lines);
    }

    @Test
    void aDisabledTestsetInfoReporterWritesNoTextReportAndNoClassLinesButTheOutputStill() {
        RecordingLog log = new RecordingLog();

        Reporting.sink(reports, options(false, ReportLayout.SUREFIRE, false, true), log)
                .accept(printing("com.acme.FooTest", "hello\n", ""));

        assertEquals(List.of("OUT hello\n"), log.lines);
        assertFalse(Files.exists(reports.resolve("com.acme.FooTest.txt")));
        assertTrue(Files.exists(reports.resolve("TEST-com.acme.FooTest.xml")));
    }

    @Test
    void aDisabledConsoleOutputReporterNeitherShowsNorWritesTheOutput() throws Exception {
        RecordingLog shown = new RecordingLog();
        Reporting.sink(reports, options(false, ReportLayout.SUREFIRE, true, false), shown)
                .accept(printing("com.acme.FooTest", "hello\n", ""));
        RecordingLog redirected = new RecordingLog();
        Reporting.sink(reports, options(true, ReportLayout.SUREFIRE, true, false), redirected)
                .accept(printing("com.acme.BarTest", "hello\n", ""));

        assertEquals(1, shown.lines.size(), shown.lines.toString());
        assertTrue(shown.lines.get(0).startsWith("INFO Tests run: 1"), shown.lines.get(0));
        assertFalse(Files.exists(reports.resolve("com.acme.BarTest-output.txt")));
        // The XML report keeps it, as Surefire's XML reporter does.
        assertTrue(
                Files.readString(reports.resolve("TEST-com.acme.FooTest.xml")).contains("hello"));
    }
}
