package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * rerunFailingTestsCount with a class that fails as a whole, run through the real JUnit Platform: as Surefire 3.5.4,
 * the class reruns as a whole; failing again is a rerun of its failure, passing adds the tests that ran and leaves
 * the failure standing.
 */
class PlatformTestsRerunTest {

    /** Fails in {@code @BeforeAll} every time. Not a test of this build (Surefire skips nested classes). */
    static class AlwaysFailing {
        static int runs;

        @BeforeAll
        static void connect() {
            runs++;
            System.out.println("connect " + runs);
            throw new IllegalStateException("database unavailable");
        }

        @Test
        void neverRuns() {}
    }

    /** Fails in {@code @BeforeAll} the first time only. */
    static class FailingOnce {
        static int runs;

        @BeforeAll
        static void connect() {
            if (++runs == 1) {
                throw new IllegalStateException("first time only");
            }
        }

        @Test
        void runs() {}
    }

    @Test
    void rerunsAClassWhoseBeforeAllFailedAsAWholeEachRunWithItsOutput() throws IOException {
        String key = AlwaysFailing.class.getName();

        BatchRun run = BatchRun.of(List.of(key), 2);

        assertEquals(3, AlwaysFailing.runs, "the first run and two reruns");
        List<ForkEvent.TestFinished> finished = run.all(ForkEvent.TestFinished.class);
        assertEquals(1, finished.size());
        assertEquals(TestOutcome.ERROR, finished.get(0).outcome().status());
        assertEquals("", finished.get(0).outcome().name());
        List<ForkEvent.TestRerun> reruns = run.all(ForkEvent.TestRerun.class);
        assertEquals(2, reruns.size());
        reruns.forEach(r -> assertEquals("database unavailable", r.outcome().failureMessage()));
        // Each run's output comes before its outcome, so that Maven gives it to that run.
        assertEquals(
                List.of("connect 1", "TestFinished", "connect 2", "TestRerun", "connect 3", "TestRerun"),
                run.events().stream()
                        .map(e -> e instanceof ForkEvent.Output o
                                ? new String(o.bytes()).strip()
                                : e.getClass().getSimpleName())
                        .filter(text -> text.startsWith("connect") || text.startsWith("Test"))
                        .toList());
        assertEquals(1, run.wire().get(key).size());
        assertEquals("failed", run.wire().get(key).get(0).get("status"));
        ForkEvent last = run.events().get(run.events().size() - 1);
        assertEquals(new ForkEvent.ClassFinished(key, ((ForkEvent.ClassFinished) last).seconds(), ""), last);
    }

    @Test
    void keepsTheFailureOfAClassThatPassedItsRerunAndAddsTheTestsThatRan() throws IOException {
        String key = FailingOnce.class.getName();

        BatchRun run = BatchRun.of(List.of(key), 2);

        assertEquals(2, FailingOnce.runs, "no rerun after the one that passed");
        assertEquals(List.of(), run.all(ForkEvent.TestRerun.class));
        assertEquals(
                List.of("=ERROR", "runs=PASSED"),
                run.all(ForkEvent.TestFinished.class).stream()
                        .map(f -> f.outcome().name() + "=" + f.outcome().status())
                        .toList());
        assertEquals(
                List.of("failed", "passed"),
                run.wire().get(key).stream().map(t -> t.get("status")).toList());
        List<Map<String, Object>> wire = run.wire().get(key);
        assertEquals("runs()", wire.get(1).get("name"));
    }
}
