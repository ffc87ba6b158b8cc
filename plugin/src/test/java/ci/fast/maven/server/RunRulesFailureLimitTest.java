package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.server.RunEvent.BatchHandedOut;
import ci.fast.maven.server.RunEvent.RunFinished;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Surefire's {@code skipAfterFailureCount} across every node of a run: the rules count the failed tests of the results
 * frames, and once the limit is reached no node takes another class; what was still queued is skipped, and the run
 * ends when the batches being run have their results.
 */
class RunRulesFailureLimitTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-build-7", "junit");
    private static final List<String> CLASSES =
            IntStream.rangeClosed(1, 12).mapToObj(i -> "C" + i).toList();

    private final AtomicLong clock = new AtomicLong();
    private final StoredRun store = new MemoryStore().open(RUN);

    @Test
    void onceTheFailuresOfEveryNodeReachTheLimitNoNodeTakesAnotherClass() {
        RunRules rules = rules(2);
        rules.join(-1);
        rules.join(-1);
        rules.enq(CLASSES);
        List<String> first = batch(rules.deq(0, List.of()), 0);
        List<String> second = batch(rules.deq(1, List.of()), 1);

        // One failed test on each node: neither reaches 2 alone.
        List<String> third = batch(rules.deq(0, results(first, 1)), 0);
        assertFalse(third.isEmpty(), "one failure in the run: node 0 goes on");
        assertFalse(rules.failureLimitReached());

        List<RunEvent> stop = rules.deq(1, results(second, 1));

        assertTrue(rules.failureLimitReached());
        assertEquals(List.of(), batch(stop, 1), "the second failure: node 1 gets nothing more");
        List<String> notRun = new ArrayList<>(CLASSES);
        notRun.removeAll(first);
        notRun.removeAll(second);
        notRun.removeAll(third);
        assertFalse(notRun.isEmpty(), "the test needs classes left in the queue");
        assertEquals(notRun, rules.skippedAfterFailures(), "what was queued is skipped, in the enq's order");
        assertEquals(third, rules.unfinished(), "node 0 still runs its batch");
        assertFalse(rules.finished());

        List<RunEvent> last = rules.deq(0, results(third, 0));

        assertEquals(List.of(), batch(last, 0));
        assertTrue(last.stream().anyMatch(RunFinished.class::isInstance), last::toString);
        assertEquals(List.of(), rules.unfinished());
    }

    @Test
    void aClassWithAsManyFailedTestsAsTheLimitReachesItAlone() {
        RunRules rules = rules(2);
        rules.join(-1);
        rules.enq(CLASSES);
        List<String> first = batch(rules.deq(0, List.of()), 0);

        List<RunEvent> events = rules.deq(0, results(first.subList(0, 1), 2, first));

        assertEquals(List.of(), batch(events, 0));
        assertTrue(events.stream().anyMatch(RunFinished.class::isInstance), events::toString);
        assertEquals(CLASSES.size() - first.size(), rules.skippedAfterFailures().size());
    }

    @Test
    void theClassesOfANodeLostAfterTheLimitAreSkippedNotHandedOutAgain() {
        RunRules rules = rules(1);
        rules.join(-1);
        rules.join(-1);
        rules.enq(CLASSES);
        List<String> first = batch(rules.deq(0, List.of()), 0);
        List<String> held = batch(rules.deq(1, List.of()), 1);
        rules.deq(0, results(first, 1));

        rules.leave(1);

        assertTrue(
                rules.skippedAfterFailures().containsAll(held),
                rules.skippedAfterFailures().toString());
        assertTrue(rules.finished());
    }

    @Test
    void withoutALimitFailuresChangeNothing() {
        RunRules rules = rules(0);
        rules.join(-1);
        rules.enq(CLASSES);
        List<String> first = batch(rules.deq(0, List.of()), 0);

        List<String> next = batch(rules.deq(0, results(first, first.size())), 0);

        assertFalse(next.isEmpty());
        assertFalse(rules.failureLimitReached());
        assertEquals(List.of(), rules.skippedAfterFailures());
    }

    @Test
    void refusesANegativeLimitWithSurefiresWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rules(-1));

        assertEquals("skipAfterFailureCount must be 0 (no limit) or more, was -1", e.getMessage());
    }

    private RunRules rules(int limit) {
        return RunRules.builder(store, RunKeyTimings.inMemory(), clock::get)
                .graceNanos(0)
                .failureLimit(limit)
                .build();
    }

    /** The batch {@code node} was handed among {@code events}; fails when none was. */
    private static List<String> batch(List<RunEvent> events, int node) {
        return events.stream()
                .filter(BatchHandedOut.class::isInstance)
                .map(BatchHandedOut.class::cast)
                .filter(handed -> handed.node() == node)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no batch for node " + node + " in " + events))
                .keys();
    }

    /** Results for {@code keys}, the first {@code failedTests} of them with one failed test each. */
    private static List<Result> results(List<String> keys, int failedTests) {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            results.add(i < failedTests ? failed(keys.get(i), 1) : passed(keys.get(i)));
        }
        return results;
    }

    /** Results for {@code batch}: the classes of {@code failing} with {@code failedTests} failed tests each. */
    private static List<Result> results(List<String> failing, int failedTests, List<String> batch) {
        return batch.stream()
                .map(key -> failing.contains(key) ? failed(key, failedTests) : passed(key))
                .toList();
    }

    private static Result passed(String key) {
        return Result.of(key, "passed", List.of(new Result.Test("t()", "passed", 0.5, null)));
    }

    private static Result failed(String key, int failedTests) {
        List<Result.Test> tests = new ArrayList<>();
        for (int i = 0; i < failedTests; i++) {
            tests.add(new Result.Test("f" + i + "()", "failed", 0.5, "boom"));
        }
        tests.add(new Result.Test("t()", "passed", 0.5, null));
        return Result.of(key, "failed", tests);
    }
}
