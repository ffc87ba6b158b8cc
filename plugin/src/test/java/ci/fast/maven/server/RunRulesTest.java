package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.server.RunEvent.BatchHandedOut;
import ci.fast.maven.server.RunEvent.ClassCompleted;
import ci.fast.maven.server.RunEvent.DeqRequested;
import ci.fast.maven.server.RunEvent.DuplicateDropped;
import ci.fast.maven.server.RunEvent.JoinRefused;
import ci.fast.maven.server.RunEvent.NodeJoined;
import ci.fast.maven.server.RunEvent.NodeLost;
import ci.fast.maven.server.RunEvent.Progressed;
import ci.fast.maven.server.RunEvent.RunFinished;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rules alone: commands in, events out, no peers, frames or JSON; the clock a test's own. */
class RunRulesTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-build-3", "junit");

    private final AtomicLong clock = new AtomicLong();
    private final RunKeyTimings timings = RunKeyTimings.inMemory();
    private final StoredRun store = new MemoryStore().open(RUN);
    private final RunRules rules = RunRules.builder(store, timings, clock::get).build();

    @Test
    void tellsALaterJoinerToWaitAndRequestsItsDeqOnceTheQueueExists() {
        assertEquals(List.of(new NodeJoined(0, true)), rules.join(-1));
        assertEquals(List.of(new NodeJoined(1, false)), rules.join(-1));

        assertEquals(List.of(new DeqRequested(1)), rules.enq(List.of("A")));
        assertEquals(List.of(new NodeJoined(2, true)), rules.join(-1), "the queue exists: no wait");
    }

    @Test
    void answersADeqThatCameBeforeTheQueueOnceItExists() {
        rules.join(-1);

        assertEquals(List.of(), rules.deq(0, List.of()), "held: no queue yet");

        assertEquals(List.of(new BatchHandedOut(0, List.of("A"))), rules.enq(List.of("A", "B")));
    }

    @Test
    void answersOnlyTheNodesThatAsked() {
        rules.join(-1);
        rules.join(-1);
        rules.enq(List.of("A", "B", "C"));

        List<RunEvent> events = rules.deq(0, List.of());

        assertEquals(1, events.size(), events::toString);
        assertEquals(0, ((BatchHandedOut) events.get(0)).node(), "node 1 has not asked");
    }

    @Test
    void holdsTheLastDeqsUntilEveryClassHasAResultThenAnswersThemEmptyAndFinishesOnce() {
        rules.join(-1);
        rules.join(-1);
        rules.enq(List.of("A", "B"));
        assertEquals(List.of(new BatchHandedOut(0, List.of("A"))), rules.deq(0, List.of()));
        assertEquals(List.of(new BatchHandedOut(1, List.of("B"))), rules.deq(1, List.of()));

        List<RunEvent> held = rules.deq(0, List.of(passed("A")));
        assertEquals(List.of(new ClassCompleted(passed("A")), new Progressed(progress(2, 2, 1))), held);

        List<RunEvent> last = rules.deq(1, List.of(passed("B")));

        assertEquals(
                List.of(
                        new ClassCompleted(passed("B")),
                        new BatchHandedOut(0, List.of()),
                        new BatchHandedOut(1, List.of()),
                        new RunFinished(progress(2, 2, 2))),
                last);
        assertEquals(List.of(new JoinRefused(RunRules.RUN_FINISHED)), rules.join(-1));
        assertTrue(rules.leave(0).stream().noneMatch(event -> event instanceof RunFinished), "finished once");
    }

    @Test
    void dropsASecondResultAndIgnoresAClassNeverEnqueued() {
        rules.join(-1);
        rules.enq(List.of("A", "B"));
        rules.deq(0, List.of());

        List<RunEvent> events = rules.deq(0, List.of(passed("A"), passed("A$Inner")));
        assertEquals(new ClassCompleted(passed("A")), events.get(0));

        assertEquals(
                new DuplicateDropped("A"),
                rules.deq(0, List.of(passed("B"), passed("A"))).get(1));
        assertTrue(rules.finished());
    }

    @Test
    void requeuesALostNodesClassesAndRecordsAClassLostTwiceAsFailed() {
        rules.join(-1);
        rules.join(-1);
        rules.join(-1);
        rules.enq(List.of("A"));
        rules.deq(0, List.of());
        rules.deq(1, List.of());

        assertEquals(List.of(new NodeLost(0, List.of("A")), new BatchHandedOut(1, List.of("A"))), rules.leave(0));
        rules.deq(2, List.of());

        List<RunEvent> events = rules.leave(1);

        assertEquals(
                List.of(
                        new NodeLost(1, List.of()),
                        new ClassCompleted(Result.lostTwice("A")),
                        new BatchHandedOut(2, List.of()),
                        new RunFinished(progress(1, 1, 1))),
                events);
        assertEquals(List.of("A"), rules.lostTwice());
    }

    @Test
    void aSecondJoinOnOneConnectionLosesTheNodeItReplaces() {
        rules.join(-1);
        rules.enq(List.of("A", "B"));
        rules.deq(0, List.of());

        List<RunEvent> events = rules.join(0);

        assertEquals(List.of(new NodeJoined(1, true), new NodeLost(0, List.of("A"))), events);
        assertEquals(List.of(new BatchHandedOut(1, List.of("B"))), rules.deq(1, List.of()), "A went last");
        assertEquals(
                new BatchHandedOut(1, List.of("A")),
                rules.deq(1, List.of(passed("B"))).get(1));
    }

    @Test
    void tellsEachTenthOfTheClassesDoneOnce() {
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "C" + i).toList();
        rules.join(-1);
        rules.enq(keys);
        clock.set(1_000_000_000_000L); // an old run: no cap on batches
        rules.deq(0, List.of());

        long progressed = keys.stream()
                .limit(19)
                .flatMap(key -> rules.record(List.of(passed(key)), List.of()).stream())
                .filter(event -> event instanceof Progressed)
                .count();

        assertEquals(9, progressed, "at 2, 4, … 18 of 20");
    }

    @Test
    void ordersTheQueueByTheHistoryOfItsOwnRunKey() {
        timings.record("junit", "A", 1.0);
        timings.record("junit", "B", 5.0);
        timings.record("testng", "A", 50.0);
        rules.join(-1);
        rules.enq(List.of("A", "B"));
        clock.set(1_000_000_000_000L);

        assertEquals(List.of(new BatchHandedOut(0, List.of("B"))), rules.deq(0, List.of()));
        assertEquals(5.0, store.estimate("B"));
        assertEquals(1.0, store.estimate("A"), "not the other run key's 50 s");
    }

    @Test
    void handsOutWhatFailedLastTimeFirstThenTheLongestFirst() {
        timings.record("junit", "Long", 50.0);
        timings.record("junit", "Middle", 20.0);
        timings.record("junit", "BrokenShort", 1.0, true);
        timings.record("junit", "BrokenLong", 10.0, true);
        timings.record("junit", "Mended", 30.0, true);
        timings.record("junit", "Mended", 30.0, false); // failed once, passed since: no longer first
        timings.record("testng", "Long", 5.0, true); // another run key's failure
        rules.join(-1);
        rules.enq(List.of("Long", "Middle", "Mended", "BrokenShort", "BrokenLong"));

        assertEquals(List.of("BrokenLong", "BrokenShort", "Long", "Mended", "Middle"), queued());
    }

    /** The queue's hand-out order: node 0's batches one after the other. */
    private List<String> queued() {
        List<String> order = new ArrayList<>();
        List<Result> previous = List.of();
        for (int i = 0; i < 10; i++) {
            List<RunEvent> events = rules.deq(0, previous);
            List<String> batch = events.stream()
                    .filter(e -> e instanceof BatchHandedOut)
                    .flatMap(e -> ((BatchHandedOut) e).keys().stream())
                    .toList();
            if (batch.isEmpty()) {
                break;
            }
            order.addAll(batch);
            previous = batch.stream().map(RunRulesTest::passed).toList();
        }
        return order;
    }

    @Test
    void givesEachNodeTheClassesOfTheContextsItHasBuilt() {
        for (String key : List.of("A1", "A2", "B1", "B2", "P")) {
            timings.record("junit", key, 10.0); // each longer than a young run's batch: one class a batch
        }
        timings.recordContexts("junit", Map.of("A1", "spring:a", "A2", "spring:a", "B1", "spring:b", "B2", "spring:b"));
        rules.join(-1);
        rules.join(-1);
        rules.enq(List.of("A1", "A2", "B1", "B2", "P"));

        List<String> first = handedTo(0, List.of());
        List<String> second = handedTo(1, List.of());
        List<String> third = handedTo(0, first);
        List<String> fourth = handedTo(1, second);

        assertEquals(List.of("A1"), first);
        assertEquals(List.of("B1"), second, "not A2, whose context node 0 builds");
        assertEquals(List.of("A2"), third, "node 0 has context a");
        assertEquals(List.of("B2"), fourth, "node 1 has context b");
        assertEquals(List.of("P"), handedTo(0, third));
    }

    @Test
    void startsEachColdNodeWithAMedianClassOfAnUnbuiltContextThenTheLongest() {
        Map<String, Double> estimates =
                Map.of("Integration", 10.0, "Owner", 3.0, "Pet", 1.4, "Vet", 0.9, "Skipped", 0.0);
        estimates.forEach((key, seconds) -> timings.record("junit", key, seconds));
        timings.record("junit", "Plain", 5.0);
        Map<String, String> contexts = new java.util.HashMap<>();
        estimates.keySet().forEach(key -> contexts.put(key, "spring:" + key));
        timings.recordContexts("junit", contexts);
        rules.join(-1);
        rules.join(-1);
        rules.enq(List.of("Vet", "Skipped", "Pet", "Plain", "Integration", "Owner"));

        List<String> first = handedTo(0, List.of());
        List<String> second = handedTo(1, List.of());

        assertEquals("Pet", first.get(0), "the median of the five, not Integration: " + first);
        assertEquals("Vet", second.get(0), "the median of the four no node builds: " + second);
        assertEquals("Integration", handedTo(0, first).get(0), "then the longest, on a warm JVM");
    }

    private List<String> handedTo(int node, List<String> done) {
        return rules.deq(node, done.stream().map(RunRulesTest::passed).toList()).stream()
                .filter(e -> e instanceof BatchHandedOut b && b.node() == node)
                .flatMap(e -> ((BatchHandedOut) e).keys().stream())
                .toList();
    }

    private static RunProgress progress(int nodes, int classes, int done) {
        return new RunProgress(RUN.topic(), nodes, classes, done, 0);
    }

    private static Result passed(String key) {
        return Result.of(key, "passed", List.of(new Result.Test("t()", "passed", 0.5, null)));
    }
}
