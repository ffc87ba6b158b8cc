package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TestSet;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.results.XmlReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a class split by method, as the sink puts them back together: one class with every part's tests, counts
 * and time, one TEST-*.xml, each part still its own run (a bar on its fork's lane); a class some of whose parts other
 * nodes ran is reported with what came here when the run finishes.
 */
class ResultSinkSplitTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String FOO = "com.acme.FooTest";
    private static final String PART_1 = FOO + "#1/2:adds,divides";
    private static final String PART_2 = FOO + "#2/2!adds,divides";

    @TempDir
    Path reports;

    private final ManualClock clock = new ManualClock(T0);
    private final RecordingListener recorder = new RecordingListener();
    private final List<ClassRun> parts = new ArrayList<>();
    private final ResultListener partRecorder = new ResultListener() {
        @Override
        public void partCompleted(ClassRun part) {
            parts.add(part);
        }
    };

    private ResultSink sink() {
        return new ResultSink(
                clock,
                TestJvm.QUIET,
                false,
                ReportOptions.DEFAULTS.layout(),
                List.of(
                        new XmlReports(reports, ReportOptions.DEFAULTS.xmlSchema(), ReportOptions.DEFAULTS.layout()),
                        recorder,
                        partRecorder));
    }

    @Test
    void thePartsOfAClassAreOneClassOnceAllHaveCome() throws Exception {
        ResultSink sink = sink();
        sink.fork(1).classStarted(PART_1);
        sink.fork(2).classStarted(PART_2);
        clock.advance(Duration.ofSeconds(2));
        sink.fork(2).accept(part(PART_2, 1.5, Map.of("subtracts", 1.5), test("subtracts", Status.FAILED)));

        assertEquals(List.of(), recorder.runs(), "half a class is no class yet");
        clock.advance(Duration.ofSeconds(1));
        sink.fork(1)
                .accept(part(
                        PART_1,
                        2.5,
                        Map.of("adds", 1.0, "divides", 1.5),
                        test("adds", Status.PASSED),
                        test("divides", Status.SKIPPED)));
        sink.runFinished();

        assertEquals(1, recorder.runs().size());
        ClassRun whole = recorder.runs().get(0);
        ClassResult result = whole.result();
        assertEquals(FOO, result.className());
        assertEquals(
                List.of("adds", "divides", "subtracts"),
                result.tests().stream().map(TestResult::name).toList());
        assertEquals(4.0, result.seconds(), 1e-9, "its parts' times added up, as if it ran whole");
        assertEquals(List.of(new TestSet(FOO, FOO, FOO, 3, 4.0)), result.sets());
        assertEquals(Map.of("adds", 1.0, "divides", 1.5, "subtracts", 1.5), result.methods());
        assertEquals(1, whole.fork(), "its first part's fork");
        assertEquals(T0, whole.start());
        assertEquals(T0.plusSeconds(3), whole.end());
        assertEquals(
                List.of(PART_1, PART_2),
                whole.parts().stream().map(ClassRun::className).toList());
        assertEquals(List.of(2, 1), parts.stream().map(ClassRun::fork).toList(), "each part as it came");
        assertEquals(3, sink.summary().testsRun());
        assertEquals(1, sink.summary().failures());
        assertEquals(1, sink.summary().skipped());
        assertEquals(Map.of(FOO, 4.0), sink.durations());

        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(
                    List.of("TEST-" + FOO + ".xml"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
        String xml = Files.readString(reports.resolve("TEST-" + FOO + ".xml"));
        assertTrue(
                xml.contains(
                        "name=\"" + FOO + "\" time=\"4.000\" tests=\"3\" errors=\"0\" skipped=\"1\" failures=\"1\""),
                xml);
        assertEquals(3, xml.split("<testcase ", -1).length - 1, xml);
    }

    @Test
    void aClassSomeOfWhosePartsRanElsewhereIsReportedWithWhatCameWhenTheRunFinishes() throws Exception {
        ResultSink sink = sink();
        sink.fork(1).classStarted(PART_2);
        clock.advance(Duration.ofSeconds(1));
        sink.fork(1).accept(part(PART_2, 1.0, Map.of("subtracts", 1.0), test("subtracts", Status.PASSED)));

        assertEquals(List.of(), recorder.runs());
        sink.runFinished();

        assertEquals(1, recorder.runs().size());
        assertEquals(FOO, recorder.runs().get(0).className());
        assertEquals(1, recorder.runs().get(0).result().run());
        assertTrue(Files.isRegularFile(reports.resolve("TEST-" + FOO + ".xml")));
    }

    @Test
    void aClassWithAPartThatMayNotBeSplitKeepsNoMethodTimes() {
        ResultSink sink = sink();
        sink.fork(1).accept(part(PART_1, 1.0, Map.of("adds", 1.0), test("adds", Status.PASSED)));
        sink.fork(2).accept(part(PART_2, 1.0, Map.of(), test("subtracts", Status.PASSED)));

        assertEquals(Map.of(FOO, Map.of()), sink.methods());
    }

    @Test
    void aClassWhosePartsRanNothingIsNotReported() throws Exception {
        ResultSink sink = sink();
        sink.fork(1).accept(part(PART_1, 0, Map.of()));
        sink.fork(2).accept(part(PART_2, 0, Map.of()));
        sink.runFinished();

        assertEquals(List.of(), recorder.runs());
        assertEquals(2, parts.size());
        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(0, files.count());
        }
    }

    private static TestResult test(String name, Status status) {
        TestResult.Builder test = TestResult.builder(name, FOO, status).seconds(0.5);
        return status == Status.FAILED
                ? test.failure("java.lang.AssertionError", "no", "no\n\tat x").build()
                : test.build();
    }

    private static ClassResult part(String key, double seconds, Map<String, Double> methods, TestResult... tests) {
        return ClassResult.builder(key)
                .tests(List.of(tests))
                .seconds(seconds)
                .sets(List.of(new TestSet(FOO, FOO, FOO, tests.length, seconds)))
                .methods(methods)
                .build();
    }
}
