package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.server.RunEvent.BatchHandedOut;
import ci.fast.maven.server.RunEvent.ClassCompleted;
import ci.fast.maven.server.RunEvent.NodeJoined;
import ci.fast.maven.server.RunEvent.NodeLost;
import ci.fast.maven.server.RunEvent.NodeRejoined;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of a server started again on the store of one that died mid-run (what {@code ServerRestartTest} shows
 * with real processes, here command by command): the new rules know nothing of connections, but take up each node
 * that holds classes as away, for the grace. A node that rejoins carries on with its batch; one that never comes back
 * loses it to the others when the grace is over; the failures counted before the restart still count.
 */
class RunRulesRestartTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-restart-1", "junit");
    private static final long GRACE = TimeUnit.SECONDS.toNanos(180);

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final List<SqlStore> stores = new ArrayList<>();
    private RunRules before;

    @BeforeEach
    void twoNodesEachHoldingAClassAndOneResultIn() throws IOException {
        before = rules(0);
        before.join(-1, null, "token-0");
        before.join(-1, null, "token-1");
        before.enq(List.of("A", "B", "C", "D"));
        clock.set(1_000_000_000_000L); // an old queue: batches of one class each
        assertEquals(List.of(new BatchHandedOut(0, List.of("A"))), before.deq(0, List.of()));
        assertEquals(List.of(new BatchHandedOut(1, List.of("B"))), before.deq(1, List.of()));
        assertEquals(
                List.of(new ClassCompleted(failed("A")), new BatchHandedOut(0, List.of("C"))),
                unprogressed(before.deq(0, List.of(failed("A")))));
    }

    @AfterEach
    void closeStores() {
        stores.forEach(SqlStore::close);
    }

    @Test
    void aNodeThatRejoinsTheNewServerCarriesOnWithItsBatchAndResendsNoDuplicate() throws IOException {
        RunRules after = rules(0); // the first process died: a new store on the same file

        assertEquals(List.of(new NodeRejoined(0, true)), after.join(-1, "token-0", "unused"));
        // It resends A's result (the reply that handed it C may have been lost), and has C's result too.
        List<RunEvent> events = unprogressed(after.deq(0, List.of(failed("A"), passed("C"))));

        assertEquals(new ClassCompleted(passed("C")), events.get(0));
        assertEquals(new BatchHandedOut(0, List.of("D")), events.get(1), "the queue carried on where it was");
        assertEquals(0, stored().duplicates(), "the resent result is no duplicate");
    }

    @Test
    void aNodeThatNeverComesBackLosesItsBatchToAnotherWhenTheGraceIsOver() throws IOException {
        RunRules after = rules(0);
        assertEquals(GRACE, after.nextExpiry(), "both nodes are away from the new server's start");
        after.join(-1, "token-0", "unused");
        after.deq(0, List.of(passed("C")));
        assertEquals(List.of(), after.expire(), "within the grace nothing is lost");

        clock.addAndGet(GRACE);
        List<RunEvent> expired = after.expire();

        assertEquals(List.of(new NodeLost(1, List.of("B"))), expired.subList(0, 1));
        assertTrue(
                expired.contains(new BatchHandedOut(0, List.of("B")))
                        || after.deq(0, List.of(passed("D"))).contains(new BatchHandedOut(0, List.of("B"))),
                "B goes to the node that is there: " + expired);
    }

    @Test
    void aNewNodeOfTheNewServerIsGivenTheNextIndexAndNoSecondEnqueue() throws IOException {
        RunRules after = rules(0);

        assertEquals(List.of(new NodeJoined(2, true)), after.join(-1, null, "token-2"));
        assertEquals(List.of(), after.enq(List.of("A", "B", "C", "D", "E")), "the run has its queue");
        assertEquals(List.of("A", "B", "C", "D"), stored().classes());
    }

    @Test
    void theFailuresCountedBeforeTheRestartStillReachTheLimit() throws IOException {
        RunRules after = rules(2); // A failed one test: one more reaches 2

        after.join(-1, "token-1", "unused");
        after.deq(1, List.of(failed("B")));

        assertTrue(after.failureLimitReached());
        assertFalse(after.finished(), "node 0 still holds C");
        after.join(-1, "token-0", "unused");
        after.deq(0, List.of(passed("C")));
        assertTrue(after.finished(), "D is skipped");
        assertEquals(List.of("D"), after.skippedAfterFailures());
    }

    /**
     * Rules over a new store on the file, as a server started again has: what the stores before it committed is on the
     * disk first, as the server that ran them had waited for it before answering anyone.
     */
    private RunRules rules(int failureLimit) throws IOException {
        stores.forEach(SqlStore::flush);
        SqlStore store = SqlStore.open(dir, clock::get, System::currentTimeMillis, 10);
        stores.add(store);
        return RunRules.builder(store.open(RUN), RunKeyTimings.inMemory(), clock::get)
                .graceNanos(GRACE)
                .failureLimit(failureLimit)
                .build();
    }

    private StoredRun stored() {
        return stores.get(stores.size() - 1).open(RUN);
    }

    /** The events less the tenths of progress they tell of. */
    private static List<RunEvent> unprogressed(List<RunEvent> events) {
        return events.stream().filter(e -> !(e instanceof RunEvent.Progressed)).toList();
    }

    private static Result passed(String key) {
        return Result.of(key, "passed", List.of(new Result.Test("t()", "passed", 0.1, null)));
    }

    private static Result failed(String key) {
        return Result.of(key, "failed", List.of(new Result.Test("t()", "failed", 0.1, "boom")));
    }
}
