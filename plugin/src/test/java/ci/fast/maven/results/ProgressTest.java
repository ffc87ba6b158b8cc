package ci.fast.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.ManualScheduler;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line, on a clock and a scheduler the test moves: one tick is one second. */
class ProgressTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private Instant now = T0;
    private final InstantSource clock = () -> now;
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> lines = new ArrayList<>();
    private final Progress progress = new Progress(4, 2, clock, scheduler, lines::add);

    @Test
    void ticksOnlyFromTheFirstClassOnEverySecond() {
        assertEquals(0, scheduler.scheduled(), "no thread before any fork runs a class");

        progress.classStarted(new ClassStart(1, "a.ATest", now));

        assertEquals(List.of(Duration.ofSeconds(1)), scheduler.periods());
    }

    @Test
    void showsClassesDoneFailuresActiveForksElapsedAndWhatIsLeft() {
        progress.classStarted(new ClassStart(1, "a.ATest", now));
        progress.classStarted(new ClassStart(2, "b.BTest", now));
        seconds(3);
        progress.classCompleted(run(1, "a.ATest", 0, 3, Status.FAILED));
        progress.classStarted(new ClassStart(1, "c.CTest", now));
        seconds(1);

        assertEquals(2, lines.size(), "at 2 s, then at 4 s after the class completed");
        assertEquals(
                "fast-ci progress: 1/4 classes, 1 failed test, 2 forks active, 0:04 elapsed, ~0:04 left",
                lines.get(1),
                "3 s a class so far, 3 classes to go on 2 forks: 4.5 s");
    }

    @Test
    void showsAChangeAtMostEveryTwoSeconds() {
        progress.classStarted(new ClassStart(1, "a.ATest", now));
        seconds(1);
        assertEquals(List.of(), lines, "1 s after the start");
        seconds(1);
        assertEquals(1, lines.size(), "2 s after the start, with a class started");
        progress.classCompleted(run(1, "a.ATest", 0, 2, Status.PASSED));
        seconds(1);
        assertEquals(1, lines.size(), "1 s after the last line");
        seconds(1);
        assertEquals(2, lines.size(), "2 s after it");
        assertTrue(lines.get(1).startsWith("fast-ci progress: 1/4 classes, 0 failed tests, 0 forks active, 0:04"));
    }

    @Test
    void showsALineEveryTenSecondsOnAQuietRun() {
        progress.classStarted(new ClassStart(1, "a.ATest", now));
        seconds(2);
        assertEquals(1, lines.size());
        seconds(9);
        assertEquals(1, lines.size(), "nothing changed for 9 s");
        seconds(1);
        assertEquals(2, lines.size(), "but every 10 s, that the run is alive");
        assertEquals(
                "fast-ci progress: 0/4 classes, 0 failed tests, 1 fork active, 0:12 elapsed,"
                        + " time left unknown until a class completes",
                lines.get(1));
        seconds(30);
        assertEquals(5, lines.size());
    }

    @Test
    void stopsWhenTheRunFinishes() {
        progress.classStarted(new ClassStart(1, "a.ATest", now));
        progress.runFinished(new RunSummary());
        seconds(20);

        assertEquals(List.of(), lines);
    }

    /** Moves the clock a second at a time, with a tick each, as the daemon scheduler would. */
    private void seconds(int n) {
        for (int i = 0; i < n; i++) {
            now = now.plusSeconds(1);
            scheduler.tick();
        }
    }

    private static ClassRun run(int fork, String className, int from, int to, Status status) {
        TestResult test = TestResult.builder("works", className, status).build();
        return new ClassRun(
                fork,
                T0.plusSeconds(from),
                T0.plusSeconds(to),
                ClassResult.builder(className).tests(List.of(test)).build());
    }

    @Test
    void saysInMavensJvmInsteadOfAForkWithForkCountZero() {
        Progress inMaven = new Progress(4, 0, clock, scheduler, lines::add);
        inMaven.classStarted(new ClassStart(1, "a.ATest", now));
        seconds(2);

        assertEquals(
                "fast-ci progress: 0/4 classes, 0 failed tests, in Maven's JVM, 0:02 elapsed,"
                        + " time left unknown until a class completes",
                lines.get(0));
    }
}
