package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.server.RunEvent.BatchHandedOut;
import ci.fast.maven.server.RunEvent.NodeLost;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules of one run on two replicas of a PostgreSQL store, command by command: a node connected to a live replica is
 * never given up on by another, however long; the nodes of a replica that died are away since its last sign of life,
 * and another replica gives them up once the grace is over, handing their classes to its own nodes; a node of a dead
 * replica that rejoins another keeps what it held.
 */
@ExtendWith(TestPostgres.Extension.class)
class PgRulesLivenessTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-liveness", "junit");
    private static final long GRACE = TimeUnit.SECONDS.toNanos(180);

    private final TestPostgres pg;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final AtomicLong wall = new AtomicLong(System.currentTimeMillis());
    private final List<PgStore> stores = new ArrayList<>();
    private PgDatabase database;
    private PgStore first;
    private RunRules onFirst;

    PgRulesLivenessTest(TestPostgres pg) {
        this.pg = pg;
    }

    @BeforeEach
    void aNodeOnTheFirstReplicaHoldsAClass() throws IOException {
        database = pg.newDatabase();
        first = store();
        onFirst = rules(first);
        onFirst.join(-1, null, "token-0");
        onFirst.committed().await(); // as the server does before it tells anyone what a unit of work did
        onFirst.enq(List.of("A", "B"));
        onFirst.committed().await();
        assertEquals(List.of(new BatchHandedOut(0, List.of("A"))), onFirst.deq(0, List.of()));
        onFirst.committed().await();
    }

    @AfterEach
    void close() {
        stores.forEach(PgStore::close);
    }

    @Test
    void aNodeOfALiveReplicaIsNeverGivenUpOnByAnother() throws IOException {
        RunRules onSecond = rules(store());
        onSecond.join(-1, null, "token-1");
        later(GRACE * 10);

        List<RunEvent> expired = onSecond.expire();

        assertAll(
                () -> assertTrue(expired.stream().noneMatch(NodeLost.class::isInstance), expired::toString),
                () -> assertEquals(-1, onSecond.nextExpiry(), "no node is away"),
                () -> assertEquals(
                        List.of(new BatchHandedOut(1, List.of("B"))),
                        onSecond.deq(1, List.of()),
                        "the other node's class is not handed out again"));
    }

    @Test
    void theNodesOfADeadReplicaAreGivenUpOnByAnotherOnceTheGraceIsOver() throws IOException {
        first.close(); // its lease given up: as good as dead, for every replica that reads the leases next
        stores.remove(first);
        RunRules onSecond = rules(store());
        onSecond.join(-1, null, "token-1");
        assertEquals(List.of(new BatchHandedOut(1, List.of("B"))), onSecond.deq(1, List.of()));
        onSecond.deq(1, List.of(RealResults.passed("B"))); // held: A is still the dead replica's node's

        later(GRACE / 2);
        assertTrue(onSecond.expire().stream().noneMatch(NodeLost.class::isInstance), "within the grace");
        later(GRACE);
        List<RunEvent> expired = onSecond.expire();

        assertAll(
                () -> assertTrue(expired.contains(new NodeLost(0, List.of("A"))), expired::toString),
                () -> assertTrue(
                        expired.contains(new BatchHandedOut(1, List.of("A"))),
                        "the second replica's node is handed the class: " + expired));
    }

    @Test
    void aNodeOfADeadReplicaThatRejoinsAnotherKeepsWhatItHeld() throws IOException {
        first.close();
        stores.remove(first);
        RunRules onSecond = rules(store());

        assertEquals(List.of(new RunEvent.NodeRejoined(0, true)), onSecond.join(-1, "token-0", "unused"));
        List<RunEvent> deq = onSecond.deq(0, List.of());

        assertEquals(List.of(new BatchHandedOut(0, List.of("A"))), deq, "its batch, again: its reply was lost");
    }

    /**
     * Moves the rules' clock on; the wall clock, which the leases are told by, stays, so that no renewal of the live
     * replica's lease can come late meanwhile.
     */
    private void later(long by) {
        nanos.addAndGet(by);
    }

    private PgStore store() throws IOException {
        PgStore store = PgStore.open(database, nanos::get, wall::get, 10);
        stores.add(store);
        return store;
    }

    private RunRules rules(PgStore store) {
        return RunRules.builder(store.open(RUN), RunKeyTimings.inMemory(), nanos::get)
                .shares(store.shares())
                .graceNanos(GRACE)
                .build();
    }

    /** Results as a node sends them. */
    private static final class RealResults {
        static Result passed(String key) {
            return new Result(key, "passed", 0.1, List.of(), false);
        }
    }
}
