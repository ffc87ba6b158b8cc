package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * skipAfterFailureCount as one node sees it, through the real JUnit Platform: a class reported skipped runs none of
 * its tests and has each of them skipped with the Platform's reason, and a node whose own tests failed that often
 * runs no further class, not even the rest of its batch.
 */
class PlatformTestsSkipTest {
    /** Counts its runs. Not a test of this build (Surefire skips nested classes). */
    static class Counted {
        static int runs;

        @Test
        void first() {
            runs++;
        }

        @Test
        void second() {
            runs++;
        }
    }

    /** One failed test, one passed. */
    static class Failing {
        @Test
        void fails() {
            throw new AssertionError("boom");
        }

        @Test
        void passes() {}
    }

    @BeforeEach
    void reset() {
        Counted.runs = 0;
    }

    @Test
    void aSkippedClassRunsNoneOfItsTestsAndReportsEachSkippedWithTheReason() throws IOException {
        String key = Counted.class.getName();

        BatchRun run = BatchRun.skipped(List.of(key), TestRunOptions.SKIPPED_AFTER_FAILURES);

        assertEquals(0, Counted.runs, "no test ran");
        List<ForkEvent.TestFinished> finished = run.all(ForkEvent.TestFinished.class);
        assertEquals(2, finished.size(), finished::toString);
        for (ForkEvent.TestFinished test : finished) {
            assertEquals(TestOutcome.SKIPPED, test.outcome().status());
            assertEquals("Execution cancelled", test.outcome().skipReason());
        }
        assertEquals(
                List.of(key),
                run.all(ForkEvent.ClassStarted.class).stream()
                        .map(ForkEvent.ClassStarted::key)
                        .toList());
        assertEquals(1, run.all(ForkEvent.ClassFinished.class).size());
        assertEquals(
                List.of("pending", "pending"),
                run.wire().get(key).stream().map(test -> test.get("status")).toList());
    }

    @Test
    void aNodeWhoseTestsFailedTheLimitRunsNoFurtherClassOfItsBatchNorOfTheNext() throws IOException {
        String failing = Failing.class.getName();
        String counted = Counted.class.getName();

        BatchRun run = BatchRun.ofBatches(List.of(List.of(failing, counted), List.of(counted)), 1);

        assertEquals(0, Counted.runs, "the class after the failure did not run");
        Map<String, List<Map<String, Object>>> last = run.wire();
        assertEquals(
                List.of("pending", "pending"),
                last.get(counted).stream().map(t -> t.get("status")).toList());
        long skipped = run.all(ForkEvent.TestFinished.class).stream()
                .filter(t -> TestOutcome.SKIPPED.equals(t.outcome().status()))
                .count();
        assertEquals(4, skipped, "both tests of the class, in each batch");
    }

    @Test
    void belowTheLimitEveryClassRuns() throws IOException {
        BatchRun.ofBatches(List.of(List.of(Failing.class.getName(), Counted.class.getName())), 2);

        assertEquals(2, Counted.runs, "one failed test, two allowed: the second class runs");
    }
}
