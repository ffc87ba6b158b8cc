package ci.fast.maven.report.timeline;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.XmlReportWriter;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.XmlReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fast-ci:report}'s local part from real files: the reports {@link XmlReports} writes and the record
 * {@link TimelineFile} writes beside its page when the run finishes, read back into the same lanes, counts and problem lines; with
 * only the reports (a plain Surefire run), or a record of another run, the page still comes, and says its lanes are
 * not where and when the classes ran.
 */
class PastRunTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void readsTheLanesOfTheRecordAndTheResultsOfTheReports() throws Exception {
        Path reports = dir.resolve("surefire-reports");
        Path record = dir.resolve("fast-ci").resolve("last-run.json");
        List<ClassRun> runs = runs();
        finishRun(reports, record, runs);

        PastRun past = PastRun.read(reports, record, warnings::add);

        Schedule s = past.schedule();
        assertAll(
                () -> assertNull(past.note()),
                () -> assertEquals(List.of(), warnings),
                () -> assertEquals(2, s.forks()),
                () -> assertEquals(2, s.lanes().size()),
                () -> assertEquals(
                        List.of("com.acme.ATest", "com.acme.CTest"),
                        names(s.lanes().get(0))),
                () -> assertEquals(List.of("com.acme.BTest"), names(s.lanes().get(1))),
                () -> assertEquals(3.0, s.makespanSeconds(), 1e-3, "from the first start to the last end"),
                () -> assertEquals(5.0, s.wallSeconds(), 1e-3, "the run's own span"),
                () -> assertEquals(1, s.reconnects()),
                () -> assertEquals(1.0, s.lanes().get(0).bars().get(1).from(), 1e-3, "CTest started at 1 s"),
                () -> assertEquals(3, s.tests()),
                () -> assertEquals(1, s.problems()));
        RunSummary summary = past.summary();
        assertEquals(List.of("ATest.divides expected: <2> but was: <3>"), summary.failureLines());
        assertEquals("Tests run: 3, Failures: 1, Errors: 0, Skipped: 1", last(summary.render()));

        Path page = dir.resolve("fast-ci").resolve("timeline.html");
        past.writePage(page, "junit-app");
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("data-fork=\"2\""), "a lane per fork");
        assertTrue(!html.contains("id=\"note\""), "no note when the lanes are real");
        assertTrue(html.contains("junit-app"));
    }

    @Test
    void laysTheClassesEndToEndAndSaysSoWithOnlyTheReports() throws Exception {
        Path reports = dir.resolve("surefire-reports");
        XmlReports xml = new XmlReports(reports, XmlReportWriter.SCHEMA_LOCATION);
        runs().forEach(xml::classCompleted);

        PastRun past = PastRun.read(reports, dir.resolve("fast-ci").resolve("last-run.json"), warnings::add);

        assertTrue(past.note().startsWith("No record of where and when the classes ran (last-run.json"), past.note());
        assertEquals(1, past.schedule().lanes().size());
        assertEquals(
                List.of("com.acme.ATest", "com.acme.BTest", "com.acme.CTest"),
                names(past.schedule().lanes().get(0)));
        assertEquals(1.0 + 2.0 + 2.0, past.schedule().makespanSeconds(), 1e-3, "the reports' times end to end");
        assertEquals(3, past.summary().testsRun());
        Path page = dir.resolve("timeline.html");
        past.writePage(page, "junit-app");
        assertTrue(Files.readString(page).contains("<p id=\"note\">No record of where and when the classes ran"));
        Path gitHub = dir.resolve("step-summary.md");
        past.appendGitHubSummary(gitHub, "junit-app", warnings::add);
        String markdown = Files.readString(gitHub);
        assertTrue(markdown.contains("| 3 | 1 | 1 | 1 | 0 |\n\n_No record of where"), markdown);
        assertTrue(markdown.contains("- `com.acme.ATest.divides`"), markdown);
    }

    @Test
    void takesARecordOlderThanTheReportsForAnotherRunsAndSaysSo() throws Exception {
        Path reports = dir.resolve("surefire-reports");
        Path record = dir.resolve("last-run.json");
        finishRun(reports, record, runs());
        // A plain Surefire run afterwards rewrote a report: the record is not of its run.
        Path report = reports.resolve("TEST-com.acme.BTest.xml");
        Files.setLastModifiedTime(
                report,
                FileTime.from(Files.getLastModifiedTime(record).toInstant().plusSeconds(60)));

        PastRun past = PastRun.read(reports, record, warnings::add);

        assertTrue(past.note().startsWith("The reports are newer than the record of the last run"), past.note());
        assertEquals(1, past.schedule().lanes().size());
    }

    /** What a run's sink does: the reports as classes complete, the record when the run finishes. */
    private static void finishRun(Path reports, Path record, List<ClassRun> runs) {
        Instant[] now = {Runs.at(-1)};
        // The page and, beside it, the record: the record's name says where the page goes.
        Path page = record.resolveSibling("timeline.html");
        TimelineFile last = new TimelineFile(page, "junit-app", 2, () -> now[0], line -> {
            throw new AssertionError(line);
        });
        XmlReports xml = new XmlReports(reports, XmlReportWriter.SCHEMA_LOCATION);
        last.reconnected(1);
        for (ClassRun run : runs) {
            xml.classCompleted(run);
            last.classCompleted(run);
        }
        now[0] = Runs.at(4);
        last.runFinished(new RunSummary());
    }

    /** ATest then CTest on fork 1, BTest on fork 2; ATest fails one test, BTest skips one. */
    private static List<ClassRun> runs() {
        TestResult divides = TestResult.builder("divides", "com.acme.ATest", Status.FAILED)
                .seconds(0.5)
                .failure("org.opentest4j.AssertionFailedError", "expected: <2> but was: <3>", "trace")
                .build();
        TestResult skipped = TestResult.builder("later", "com.acme.BTest", Status.SKIPPED)
                .skipReason("not yet")
                .build();
        TestResult works = TestResult.builder("works", "com.acme.CTest", Status.PASSED)
                .seconds(1.5)
                .build();
        return List.of(
                Runs.run(
                        1,
                        0,
                        1,
                        ClassResult.builder("com.acme.ATest")
                                .tests(List.of(divides))
                                .seconds(1)
                                .build()),
                Runs.run(
                        2,
                        0.5,
                        2.5,
                        ClassResult.builder("com.acme.BTest")
                                .tests(List.of(skipped))
                                .seconds(2)
                                .build()),
                Runs.run(
                        1,
                        1,
                        3,
                        ClassResult.builder("com.acme.CTest")
                                .tests(List.of(works))
                                .seconds(2)
                                .build()));
    }

    private static List<String> names(Lane lane) {
        return lane.bars().stream().map(Bar::className).toList();
    }

    private static String last(List<String> lines) {
        return lines.get(lines.size() - 1);
    }
}
