package ci.fast.maven.report.timeline;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.results.ClassRun;
import java.time.Instant;
import java.util.List;

/** Test fixtures: classes stamped on a fork, in seconds from {@link #T0}. */
final class Runs {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private Runs() {}

    static ClassRun passing(int fork, String className, double from, double to) {
        TestResult test = TestResult.builder("works", className, Status.PASSED)
                .seconds(to - from)
                .build();
        return run(
                fork,
                from,
                to,
                ClassResult.builder(className).tests(List.of(test)).build());
    }

    static ClassRun failing(int fork, String className, double from, double to, String message) {
        TestResult ok = TestResult.builder("works", className, Status.PASSED).build();
        TestResult bad = TestResult.builder("divides", className, Status.FAILED)
                .seconds(0.012)
                .failure("org.opentest4j.AssertionFailedError", message, "trace")
                .build();
        return run(
                fork,
                from,
                to,
                ClassResult.builder(className).tests(List.of(ok, bad)).build());
    }

    static ClassRun crashed(int fork, String className, double from, double to) {
        TestResult crash = TestResult.builder(
                        className.substring(className.lastIndexOf('.') + 1), className, Status.ERROR)
                .failure("ForkedProcessCrash", "the fork died", "the fork died")
                .build();
        return run(
                fork,
                from,
                to,
                ClassResult.builder(className).tests(List.of(crash)).build());
    }

    static ClassRun run(int fork, double from, double to, ClassResult result) {
        return new ClassRun(fork, at(from), at(to), result);
    }

    static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }
}
