package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.server.RunEvent.BatchHandedOut;
import ci.fast.maven.server.RunEvent.ClassCompleted;
import ci.fast.maven.server.RunEvent.NodeAway;
import ci.fast.maven.server.RunEvent.NodeJoined;
import ci.fast.maven.server.RunEvent.NodeLost;
import ci.fast.maven.server.RunEvent.NodeRejoined;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules for a node whose connection closes (PROTOCOL.md section 5): it keeps what it holds for the grace and
 * rejoins by its token as itself; it loses it when the grace is over, at once when it left or its fork is known dead.
 * The clock is the test's own.
 */
class RunRulesReconnectTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-build-7", "junit");
    private static final long GRACE = TimeUnit.SECONDS.toNanos(180);

    private final AtomicLong clock = new AtomicLong();
    private final StoredRun store = new MemoryStore().open(RUN);
    private final RunRules rules = RunRules.builder(store, RunKeyTimings.inMemory(), clock::get)
            .graceNanos(GRACE)
            .build();

    @BeforeEach
    void twoNodesEachHoldingAClass() {
        assertEquals(List.of(new NodeJoined(0, true)), rules.join(-1, null, "token-0"));
        assertEquals(List.of(new NodeJoined(1, false)), rules.join(-1, null, "token-1"));
        rules.enq(List.of("A", "B", "C"));
        clock.set(1_000_000_000_000L); // an old queue: batches of one class each
        assertEquals(List.of(new BatchHandedOut(0, List.of("A"))), rules.deq(0, List.of()));
        assertEquals(List.of(new BatchHandedOut(1, List.of("B"))), rules.deq(1, List.of()));
    }

    @Test
    void aCutNodeKeepsItsBatchThroughTheGraceAndRejoinsAsItself() {
        assertEquals(List.of(new NodeAway(0, List.of("A"))), rules.disconnected(0));
        clock.addAndGet(GRACE - 1);
        assertEquals(List.of(), rules.expire(), "within the grace nothing is lost");
        assertEquals(List.of(new BatchHandedOut(1, List.of("C"))), batches(rules.deq(1, List.of(passed("B")))));

        assertEquals(List.of(new NodeRejoined(0, true)), rules.join(-1, "token-0", "unused"));
        List<RunEvent> resent = rules.deq(0, List.of(passed("A")));

        assertEquals(new ClassCompleted(passed("A")), resent.get(0), "its results are its own, not a second one");
        assertEquals(0, store.duplicates());
        assertEquals(-1, store.nodeNamed("unused"), "a rejoin is given no new token");
    }

    @Test
    void aRejoinedNodeWhoseBatchNeverReachedItIsHandedItAgainWithoutLossOrDuplicate() {
        rules.deq(0, List.of(passed("A"))); // answered with C, a reply the cut swallows
        assertEquals(List.of("C"), store.held(0));
        rules.disconnected(0);

        rules.join(-1, "token-0", "unused");
        List<RunEvent> events = rules.deq(0, List.of(passed("A"))); // it resends what it had sent

        assertEquals(List.of(new BatchHandedOut(0, List.of("C"))), events);
        assertEquals(0, store.duplicates(), "a resend is no duplicate");
        rules.deq(0, List.of(passed("C")));
        rules.deq(1, List.of(passed("B")));
        assertTrue(rules.finished());
        assertEquals(List.of(), rules.lostTwice(), "nothing was counted lost");
    }

    @Test
    void aNodeAwayPastTheGraceLosesItsBatchAndRejoinsWithItsIndexButNothingHeld() {
        rules.disconnected(0);
        assertEquals(GRACE, rules.nextExpiry());
        clock.addAndGet(GRACE);

        List<RunEvent> expired = rules.expire();

        assertEquals(List.of(new NodeLost(0, List.of("A"))), expired);
        assertEquals(-1, rules.nextExpiry());
        assertEquals(List.of(new NodeRejoined(0, true)), rules.join(-1, "token-0", "unused"));
        assertEquals(List.of(), store.held(0));
    }

    @Test
    void aLeaveLosesTheBatchAtOnce() {
        assertEquals(List.of(new NodeLost(0, List.of("A"))), rules.leave(0));
    }

    @Test
    void aDeadForksRecordedResultsEndItsAwayNodeAtOnce() {
        rules.disconnected(0);

        List<RunEvent> events = rules.record(List.of(), List.of("A"));

        assertEquals(List.of(new NodeLost(0, List.of("A"))), events);
        assertEquals(List.of(new BatchHandedOut(1, List.of("C"))), batches(rules.deq(1, List.of(passed("B")))));
        assertEquals(List.of(new BatchHandedOut(1, List.of("A"))), batches(rules.deq(1, List.of(passed("C")))));
        assertEquals(List.of(), rules.lostTwice(), "an unstarted class of a dead fork is not counted lost");
    }

    @Test
    void aForkThatDiedWaitingForTheReplyToItsResultsIsKnownByThem() {
        rules.deq(0, List.of(passed("A"))); // answered with C, which the fork never saw
        rules.disconnected(0);

        List<RunEvent> events = rules.record(List.of(passed("A")), List.of());

        assertTrue(events.contains(new NodeLost(0, List.of("C"))), "no grace: its fork is dead: " + events);
    }

    @Test
    void aDeadForkRecordedBeforeItsCloseIsSeenLosesItsBatchAtTheClose() {
        rules.record(List.of(failed("A")), List.of());

        assertEquals(List.of(new NodeLost(0, List.of())), rules.disconnected(0), "no grace: A has its result");
    }

    @Test
    void resultsCarriedByAnotherNodeForAnAwayNodesClassesEndItAtOnce() {
        rules.disconnected(1);
        assertEquals(List.of(new NodeJoined(2, true)), rules.join(-1, null, "token-2"));

        List<RunEvent> events = rules.deq(2, List.of(failed("B")));

        assertEquals(new ClassCompleted(failed("B")), events.get(0));
        assertEquals(new NodeLost(1, List.of()), events.get(1));
    }

    @Test
    void aRejoinWhileTheOldConnectionStillCountsTakesTheNodeOver() {
        assertEquals(List.of(new NodeRejoined(1, true)), rules.join(-1, "token-1", "unused"));

        assertEquals(
                List.of(),
                rules.disconnected(0).stream()
                        .filter(e -> e instanceof NodeLost)
                        .toList());
        assertEquals(List.of(new BatchHandedOut(1, List.of("B"))), rules.deq(1, List.of()), "its batch, again");
    }

    @Test
    void anUnknownTokenJoinsAsANewNode() {
        assertEquals(List.of(new NodeJoined(2, true)), rules.join(-1, "from-another-server", "token-2"));
        assertEquals(2, store.nodeNamed("token-2"));
    }

    private static List<RunEvent> batches(List<RunEvent> events) {
        return events.stream().filter(e -> e instanceof BatchHandedOut).toList();
    }

    private static Result passed(String key) {
        return Result.of(key, "passed", List.of(new Result.Test("t()", "passed", 0.5, null)));
    }

    private static Result failed(String key) {
        return Result.of(key, "failed", List.of(new Result.Test("t()", "failed", 0.5, "crashed")));
    }
}
