package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.TestOutcome;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.results.ClassArrivals;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ClassStart;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sink's fan-out: what its listeners see, stamped by the sink's clock, and what it keeps from them. */
class ResultSinkListenersTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final RecordingListener recorder = new RecordingListener();
    private final List<String> debug = new ArrayList<>();
    private final ResultSink sink =
            new ResultSink(clock, new DebugLog(debug), false, ReportLayout.SUREFIRE, List.of(recorder));

    @Test
    void stampsEachClassWithItsForkItsStartAndTheArrivalOfItsResult() {
        ClassArrivals fork2 = sink.fork(2);

        fork2.classStarted("com.acme.FooTest");
        clock.advance(Duration.ofMillis(1500));
        fork2.accept(passing("com.acme.FooTest", 1.4));

        assertEquals(
                List.of(
                        new ClassStart(2, "com.acme.FooTest", T0),
                        new ClassRun(2, T0, T0.plusMillis(1500), passing("com.acme.FooTest", 1.4))),
                recorder.events());
    }

    @Test
    void givesEachForkItsOwnLaneWhenTheirClassesOverlap() {
        sink.fork(1).classStarted("com.acme.ATest");
        clock.advance(Duration.ofSeconds(1));
        sink.fork(2).classStarted("com.acme.BTest");
        clock.advance(Duration.ofSeconds(1));
        sink.fork(1).accept(passing("com.acme.ATest", 2));
        clock.advance(Duration.ofSeconds(1));
        sink.fork(2).accept(passing("com.acme.BTest", 2));

        List<ClassRun> runs = recorder.runs();
        assertEquals(List.of(1, 2), runs.stream().map(ClassRun::fork).toList());
        assertEquals(
                List.of(T0, T0.plusSeconds(1)),
                runs.stream().map(ClassRun::start).toList());
        assertEquals(
                List.of(T0.plusSeconds(2), T0.plusSeconds(3)),
                runs.stream().map(ClassRun::end).toList());
        assertEquals(3.0, sink.span(), 1e-9, "from the first start to the last result");
    }

    @Test
    void dropsASecondResultOfAClassAndKeepsTheFirstForksStamps() {
        sink.fork(1).classStarted("com.acme.FooTest");
        clock.advance(Duration.ofSeconds(2));
        sink.fork(1).accept(passing("com.acme.FooTest", 1));
        sink.fork(3).classStarted("com.acme.FooTest"); // requeued after a fork died, say
        clock.advance(Duration.ofSeconds(2));
        sink.fork(3).accept(passing("com.acme.FooTest", 2));

        assertEquals(2, recorder.starts().size(), "each fork's start is seen");
        assertEquals(List.of(new ClassRun(1, T0, T0.plusSeconds(2), passing("com.acme.FooTest", 1))), recorder.runs());
        assertEquals(List.of("dropped a second result for com.acme.FooTest"), debug);
        assertEquals(1, sink.summary().testsRun());
    }

    @Test
    void startsAndEndsAClassNoForkRanWhenItsResultArrives() {
        clock.advance(Duration.ofSeconds(5));
        sink.accept(passing("com.acme.LateTest", 0));

        assertEquals(
                List.of(new ClassRun(
                        ClassRun.NO_FORK, T0.plusSeconds(5), T0.plusSeconds(5), passing("com.acme.LateTest", 0))),
                recorder.events());
    }

    @Test
    void givesNoListenerAClassTheForkCouldNotLoad() {
        TestResult notLoaded = TestResult.builder("", "com.acme.BrokenTest", Status.ERROR)
                .failure(TestOutcome.NOT_LOADED, "com.acme.BrokenTest could not be loaded", null)
                .build();
        sink.fork(1).classStarted("com.acme.BrokenTest");
        sink.fork(1)
                .accept(ClassResult.builder("com.acme.BrokenTest")
                        .tests(List.of(notLoaded))
                        .build());

        assertEquals(List.of(new ClassStart(1, "com.acme.BrokenTest", T0)), recorder.events());
        assertEquals(List.of("com.acme.BrokenTest could not be loaded"), sink.notLoaded());
        assertTrue(sink.hasReported("com.acme.BrokenTest"));
    }

    @Test
    void tellsTheListenersOnceThatTheRunFinishedWithTheCompleteSummary() {
        sink.fork(1).accept(passing("com.acme.FooTest", 1));

        sink.runFinished();

        List<Object> events = recorder.events();
        assertEquals(2, events.size(), events.toString());
        RunSummary summary = (RunSummary) events.get(1);
        assertSame(sink.summary(), summary);
        assertEquals(1, summary.testsRun());
        assertThrows(IllegalStateException.class, sink::runFinished);
        assertThrows(IllegalStateException.class, () -> sink.accept(passing("com.acme.LateTest", 0)));
    }

    @Test
    void endsARunThatDidNotFinishOnceAndAFinishedOneNotAgain() {
        sink.fork(1).accept(passing("com.acme.FooTest", 1));

        sink.endIfRunning();
        sink.endIfRunning();

        assertEquals(
                1,
                recorder.events().stream().filter(RunSummary.class::isInstance).count());
    }

    @Test
    void keepsEachClassDurationAsItsForkMeasuredIt() {
        sink.fork(1).classStarted("com.acme.FooTest");
        clock.advance(Duration.ofSeconds(9));
        sink.fork(1).accept(passing("com.acme.FooTest", 1.25));

        assertEquals(1.25, sink.durations().get("com.acme.FooTest"));
    }

    @Test
    void keepsAClassNoForkRanOutOfTheTimingHistory() {
        sink.fork(1).accept(passing("com.acme.FooTest", 1.25));
        // Reported as not run (every fork ended before it): no duration was measured.
        sink.accept(passing("com.acme.NeverRunTest", 0));

        assertEquals(Map.of("com.acme.FooTest", 1.25), sink.durations());
        assertTrue(sink.hasReported("com.acme.NeverRunTest"));
    }

    private static ClassResult passing(String className, double seconds) {
        TestResult test = TestResult.builder("works", className, Status.PASSED)
                .seconds(seconds)
                .build();
        return ClassResult.builder(className)
                .tests(List.of(test))
                .seconds(seconds)
                .build();
    }

    /** Keeps the debug lines; the others are the console listener's, which this sink has not. */
    private record DebugLog(List<String> debug) implements RunLog {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}

        @Override
        public void error(String line) {}

        @Override
        public void debug(String line) {
            debug.add(line);
        }
    }
}
