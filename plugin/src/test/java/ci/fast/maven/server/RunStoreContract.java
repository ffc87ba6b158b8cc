package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunStore} must do, whatever keeps its facts: each implementation's test extends this class and
 * says how to make an empty store. A store that keeps its facts elsewhere must also give them back to a second store
 * opened on the same place; its own test adds that.
 */
abstract class RunStoreContract {
    private static final RunId RUN = new RunId("test_orchestrator:junit-build-1", "junit");
    private static final RunId OTHER = new RunId("test_orchestrator:junit-build-2", "junit");

    protected RunStore store;

    /** A store that holds no run. */
    protected abstract RunStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @Test
    void opensANewRunEmptyAndTheSameRunAgain() {
        StoredRun run = store.open(RUN);

        assertAll(
                () -> assertEquals(RUN, run.id()),
                () -> assertFalse(run.hasQueue()),
                () -> assertEquals(List.of(), run.classes()),
                () -> assertTrue(run.queueEmpty()),
                () -> assertEquals(0, run.resultCount()),
                () -> assertEquals(Set.of(RUN.topic()), store.topics()));
        run.nextNodeIndex();
        assertEquals(1, store.open(RUN).nextNodeIndex(), "a second open is the same run");
    }

    @Test
    void givesNodeIndexesInOrderPerRun() {
        StoredRun run = store.open(RUN);
        StoredRun other = store.open(OTHER);

        assertEquals(List.of(0, 1, 2), List.of(run.nextNodeIndex(), run.nextNodeIndex(), run.nextNodeIndex()));
        assertEquals(0, other.nextNodeIndex());
    }

    @Test
    void enqueuesOnceWithTheEnqsOrderAndEstimates() {
        StoredRun run = store.open(RUN);

        assertTrue(run.enqueue(List.of("B", "A"), Map.of("A", 2.0, "B", 1.0), 42));
        assertFalse(run.enqueue(List.of("C"), Map.of("C", 9.0), 43), "a second enq");

        assertAll(
                () -> assertTrue(run.hasQueue()),
                () -> assertEquals(List.of("B", "A"), run.classes()),
                () -> assertTrue(run.isEnqueued("A")),
                () -> assertFalse(run.isEnqueued("C")),
                () -> assertEquals(2.0, run.estimate("A")),
                () -> assertEquals(42, run.enqueuedAt()),
                () -> assertTrue(run.queueEmpty(), "the rules fill the queue"));
    }

    @Test
    void queuesAtEitherEndOnceAndSumsTheEstimates() {
        StoredRun run = enqueued("A", 1.0, "B", 2.0, "C", 4.0);

        run.queueLast("A");
        run.queueLast("B");
        run.queueFirst("C");
        run.queueLast("A"); // queued already

        assertEquals(7.0, run.queuedSeconds());
        assertEquals(List.of("C", "A", "B"), run.take(Double.MAX_VALUE));
        assertTrue(run.queueEmpty());
        assertEquals(0.0, run.queuedSeconds());
    }

    @Test
    void takesABatchNearTheShareAndAtLeastOneClass() {
        StoredRun run = enqueued("A", 4.0, "B", 1.0, "C", 1.0, "D", 1.0);
        List.of("A", "B", "C", "D").forEach(run::queueLast);

        assertEquals(List.of("A"), run.take(0.5), "at least one");
        assertEquals(List.of("B", "C"), run.take(2.0), "C ends nearer 2 s with it than without");
        assertEquals(List.of("D"), run.take(2.0));
        assertEquals(List.of(), run.take(2.0), "nothing queued");
    }

    @Test
    void unqueuesAClassWhoseResultArrivedFromElsewhere() {
        StoredRun run = enqueued("A", 1.0, "B", 2.0);
        run.queueLast("A");
        run.queueLast("B");

        run.unqueue("A");
        run.unqueue("Z");

        assertEquals(2.0, run.queuedSeconds());
        assertEquals(List.of("B"), run.take(Double.MAX_VALUE));
    }

    @Test
    void keepsWhatEachNodeHoldsInTheOrderHandedOut() {
        StoredRun run = enqueued("A", 1.0, "B", 1.0, "C", 1.0);

        run.hold(0, List.of("B", "A"));
        run.hold(1, List.of("C"));
        run.hold(0, List.of("C"));
        run.release(0, "A");

        assertEquals(List.of("B", "C"), run.held(0));
        assertEquals(List.of("C"), run.held(1));
        assertEquals(List.of("B", "C"), run.releaseAll(0));
        assertEquals(List.of(), run.held(0));
        assertEquals(List.of(), run.releaseAll(7), "a node that held nothing");
    }

    @Test
    void knowsTheNodesThatHoldAClassWithoutAResult() {
        StoredRun run = enqueued("A", 1.0, "B", 1.0, "C", 1.0);

        run.hold(2, List.of("B"));
        run.hold(0, List.of("A"));
        run.hold(1, List.of("C"));
        run.addResult(result("C", "passed", 1.0));
        run.hold(3, List.of());

        assertEquals(List.of(0, 2), run.holders(), "node 1's class has its result; node 3 holds nothing");
    }

    @Test
    void keepsTheFirstResultAndCountsTheSecond() {
        StoredRun run = enqueued("A", 3.0, "B", 5.0);
        Result first = result("A", "failed", 1.5);

        assertTrue(run.addResult(first));
        assertFalse(run.addResult(result("A", "passed", 0.1)));

        assertAll(
                () -> assertEquals(Optional.of(first), run.result("A")),
                () -> assertTrue(run.hasResult("A")),
                () -> assertFalse(run.hasResult("B")),
                () -> assertEquals(Optional.empty(), run.result("B")),
                () -> assertEquals(1, run.resultCount()),
                () -> assertEquals(1, run.duplicates()),
                () -> assertEquals(3.0, run.doneSeconds(), "the estimate, not the measured seconds"));
    }

    @Test
    void keepsAResultWhole() {
        StoredRun run = enqueued("A", 1.0);
        Result result = new Result(
                "A",
                "failed",
                0.75,
                List.of(
                        new Result.Test("adds()", "passed", 0.25, null),
                        new Result.Test("divides()", "failed", 0.5, "expected: <2> but was: <3>")),
                false);

        run.addResult(result);

        assertEquals(Optional.of(result), store.open(RUN).result("A"));
    }

    @Test
    void keepsTheFirstReportOfEachClassInTheOrderTheyCameAndKeepsRunsApart() {
        StoredRun run = enqueued("A", 1.0, "B", 1.0);
        Report b = new Report("B", "TEST-B.xml", "<testsuite name=\"B\"/>\n");
        Report a = new Report("A", "TEST-A-suffix.xml", "<testsuite name=\"A\" tests=\"1\">\u00e9</testsuite>\n");

        assertEquals(List.of(), run.reports(), "none before the first");
        assertTrue(run.addReport(b));
        assertTrue(run.addReport(a));
        assertFalse(run.addReport(new Report("B", "TEST-B.xml", "<testsuite name=\"B\" tests=\"2\"/>")));
        Report inner = new Report("B", "TEST-B$Inner.xml", "<testsuite name=\"B$Inner\"/>\n");
        assertTrue(run.addReport(inner), "another file of the class: a report per container, at an older Surefire");

        assertEquals(
                List.of(b, a, inner), store.open(RUN).reports(), "the first of each, whole, in the order they came");
        assertEquals(List.of(), store.open(OTHER).reports());
        store.delete(RUN.topic());
        assertEquals(List.of(), store.open(RUN).reports(), "forgotten with its run");
    }

    @Test
    void countsLossesUpAndDownAndKeepsTheClassesLostTwiceInOrder() {
        StoredRun run = enqueued("A", 1.0, "B", 1.0);

        assertEquals(1, run.addLoss("A", 1));
        assertEquals(0, run.addLoss("A", -1));
        assertEquals(1, run.addLoss("A", 1));
        assertEquals(2, run.addLoss("A", 1));
        run.addLostTwice("B");
        run.addLostTwice("A");
        run.addLostTwice("B");

        assertEquals(List.of("B", "A"), run.lostTwice());
    }

    @Test
    void deletesARunAndNoOther() {
        StoredRun run = enqueued("A", 1.0);
        run.addResult(result("A", "passed", 1.0));
        store.open(OTHER);

        store.delete(RUN.topic());
        store.delete("test_orchestrator:never");

        assertEquals(Set.of(OTHER.topic()), store.topics());
        StoredRun again = store.open(RUN);
        assertFalse(again.hasQueue(), "a deleted run opens anew");
        assertEquals(0, again.resultCount());
        assertEquals(0, again.nextNodeIndex());
    }

    @Test
    void keepsRunsApart() {
        StoredRun run = enqueued("A", 1.0);
        StoredRun other = store.open(OTHER);

        run.addResult(result("A", "passed", 1.0));
        run.hold(0, List.of("A"));

        assertAll(
                () -> assertFalse(other.hasQueue()),
                () -> assertFalse(other.hasResult("A")),
                () -> assertEquals(List.of(), other.held(0)),
                () -> assertEquals(RUN, run.id()));
    }

    /** The run {@link #RUN}, enqueued with the given classes and estimates, in that order; its queue empty. */
    private StoredRun enqueued(Object... keysAndSeconds) {
        StoredRun run = store.open(RUN);
        List<String> keys = new ArrayList<>();
        Map<String, Double> estimates = new HashMap<>();
        for (int i = 0; i < keysAndSeconds.length; i += 2) {
            keys.add((String) keysAndSeconds[i]);
            estimates.put((String) keysAndSeconds[i], (Double) keysAndSeconds[i + 1]);
        }
        assertTrue(run.enqueue(keys, estimates, 0));
        return run;
    }

    private static Result result(String key, String status, double seconds) {
        return Result.of(key, status, List.of(new Result.Test("t()", status, seconds, null)));
    }

    @Test
    void knowsEachNodeByTheTokenItWasNamedWithInItsOwnRunOnly() {
        StoredRun run = store.open(RUN);
        run.nameNode("token-a", run.nextNodeIndex());
        run.nameNode("token-b", run.nextNodeIndex());

        assertAll(
                () -> assertEquals(0, run.nodeNamed("token-a")),
                () -> assertEquals(1, run.nodeNamed("token-b")),
                () -> assertEquals(-1, run.nodeNamed("token-c")),
                () -> assertEquals(-1, store.open(OTHER).nodeNamed("token-a")),
                () -> assertEquals(0, store.open(RUN).nodeNamed("token-a"), "the same run again"));
    }

    @Test
    void keepsWhatEachCiNodeRanPerAttemptAndGivesTheLastOneBeforeTheAsker() {
        NodeShares shares = store.shares();
        CiNode first = new CiNode("junit-build", "build-1", "test/1", "machine-a");
        shares.handedOut(first, List.of("A", "B"));
        shares.handedOut(new CiNode("junit-build", "build-1", "test/2", "machine-b"), List.of("C"));
        shares.handedOut(first, List.of("D", "A"));
        shares.failed(first, "B");
        CiNode second = new CiNode("junit-build", "build-2", "test/1", "machine-c");
        shares.handedOut(second, List.of("B"));

        assertAll(
                () -> assertEquals(
                        Optional.of(new NodeShare("build-1", List.of("A", "B", "D"), List.of("B"), 1)),
                        shares.earlier("junit-build", "test/1", "build-2"),
                        "what attempt 1 handed out, in order, once each"),
                () -> assertEquals(
                        Optional.of(new NodeShare("build-2", List.of("B"), List.of(), 1)),
                        shares.earlier("junit-build", "test/1", "build-3"),
                        "the last attempt before the asker's"),
                () -> assertEquals(Optional.empty(), shares.earlier("junit-build", "test/3", "build-2")),
                () -> assertEquals(Optional.empty(), shares.earlier("junit-other", "test/1", "build-2")));
    }

    @Test
    void countsTheMachinesThatCalledThemselvesOneNodeAndOutlivesTheRun() {
        NodeShares shares = store.shares();
        shares.handedOut(new CiNode("junit-build", "build-1", "test", "machine-a"), List.of("A"));
        shares.handedOut(new CiNode("junit-build", "build-1", "test", "machine-a"), List.of("B"));
        shares.handedOut(new CiNode("junit-build", "build-1", "test", "machine-b"), List.of("C"));
        store.open(RUN);
        store.delete(RUN.topic());

        assertEquals(
                Optional.of(new NodeShare("build-1", List.of("A", "B", "C"), List.of(), 2)),
                store.shares().earlier("junit-build", "test", "build-2"));
    }
}
