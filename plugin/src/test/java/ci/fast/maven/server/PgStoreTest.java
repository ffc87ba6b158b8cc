package ci.fast.maven.server;

import static ci.fast.maven.server.TestPostgres.connect;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The PostgreSQL store keeps the {@link RunStoreContract} on a real PostgreSQL; a second store on the same database
 * (another replica, or the server started again) reads back every committed fact and none that was not, sees what the
 * first changed at its next unit of work, and is told of it; a database it cannot use is one line without the
 * password.
 */
@ExtendWith(TestPostgres.Extension.class)
class PgStoreTest extends RunStoreContract {
    private static final RunId RUN = new RunId("test_orchestrator:junit-pg", "junit");

    private final TestPostgres pg;
    private PgDatabase database;
    private final List<PgStore> opened = new ArrayList<>();

    PgStoreTest(TestPostgres pg) {
        this.pg = pg;
    }

    @Override
    protected RunStore newStore() {
        database = pg.newDatabase();
        return reopen();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(PgStore::close);
    }

    @Test
    void givesASecondStoreOnTheSameDatabaseEveryFactCommittedAndNoneNot() {
        StoredRun run = store.open(RUN);
        run.nameNode("token-0", run.nextNodeIndex());
        run.nameNode("token-1", run.nextNodeIndex());
        run.enqueue(List.of("A", "B", "C", "D", "E"), Map.of("A", 1.0, "B", 2.0, "C", 3.0, "D", 4.0, "E", 5.0), 7);
        List.of("A", "B", "C", "D").forEach(run::queueLast);
        run.queueFirst("E");
        run.commit().await();
        assertEquals(List.of("E", "A"), run.take(6.0));
        run.hold(1, List.of("E", "A"));
        Result failed = new Result(
                "E", "failed", 0.5, List.of(new Result.Test("divides()", "failed", 0.5, "expected: <2>")), false);
        run.addResult(failed);
        run.addResult(failed);
        run.release(1, "E");
        run.addLoss("B", 1);
        run.addLostTwice("C");
        run.unqueue("C");
        run.addReport(new Report("E", "TEST-E.xml", "<testsuite/>"));
        run.commit().await();
        run.hold(0, List.of("D")); // not committed

        StoredRun again = reopen().open(RUN);

        assertAll(
                () -> assertEquals(List.of("A", "B", "C", "D", "E"), again.classes()),
                () -> assertEquals(4.0, again.estimate("D")),
                () -> assertEquals(1, again.nodeNamed("token-1")),
                () -> assertEquals(List.of("A"), again.held(1)),
                () -> assertEquals(List.of(), again.held(0), "not committed"),
                () -> assertEquals(List.of(1), again.holders()),
                () -> assertEquals(Optional.of(failed), again.result("E")),
                () -> assertEquals(1, again.duplicates()),
                () -> assertEquals(5.0, again.doneSeconds()),
                () -> assertEquals(2, again.addLoss("B", 1), "B was lost once before"),
                () -> assertEquals(List.of("C"), again.lostTwice()),
                () -> assertEquals(List.of(new Report("E", "TEST-E.xml", "<testsuite/>")), again.reports()),
                () -> assertEquals(List.of("B", "D"), again.take(Double.MAX_VALUE), "the queue's order"),
                () -> assertEquals(2, again.nextNodeIndex()),
                () -> assertEquals(Set.of(RUN.topic()), reopen().topics()));
    }

    @Test
    void aSecondReplicaSeesTheFirstsUnitAtItsNextBeginAndIsToldOfIt() throws Exception {
        PgStore second = reopen();
        CountDownLatch told = new CountDownLatch(1);
        second.onChange(topic -> {
            if (topic.equals(RUN.topic())) {
                told.countDown();
            }
        });
        StoredRun mine = store.open(RUN);
        StoredRun theirs = second.open(RUN);
        assertTrue(theirs.begin(), "a new run: read at its first unit");
        theirs.commit().await();

        mine.begin();
        mine.enqueue(List.of("A", "B"), Map.of("A", 1.0, "B", 1.0), 0);
        mine.queueLast("A");
        mine.queueLast("B");
        mine.nodeHere(mine.nextNodeIndex());
        mine.commit().await();

        assertTrue(told.await(10, TimeUnit.SECONDS), "notified");
        assertTrue(theirs.begin(), "the other replica changed the run");
        assertAll(
                () -> assertEquals(List.of("A", "B"), theirs.take(1.0).size() == 1 ? List.of("A", "B") : List.of()),
                () -> assertEquals(
                        List.of(new StoredNode(0, false, false, 0)).size(),
                        theirs.nodes().size()),
                () -> assertFalse(theirs.nodes().get(0).here(), "connected to the first replica"),
                () -> assertFalse(theirs.nodes().get(0).away()));
        theirs.commit().await();
        assertTrue(mine.begin(), "and back");
        assertEquals(List.of("B"), mine.take(Double.MAX_VALUE), "A was taken by the other replica");
        mine.commit().await();
        assertFalse(mine.begin(), "nothing changed since its own unit");
        mine.commit().await();
    }

    @Test
    void aReplicaWaitsForTheRunsLockUntilTheOthersUnitsAreWrittenThenReadsThemBack() throws Exception {
        PgStore second = reopen();
        StoredRun mine = store.open(RUN);
        StoredRun theirs = second.open(RUN);
        mine.begin();
        mine.nodeHere(mine.nextNodeIndex());
        Durable onItsWay = mine.commit(); // not yet written: this replica holds the run's lock meanwhile

        CompletableFuture<Boolean> stale = CompletableFuture.supplyAsync(theirs::begin);

        onItsWay.await();
        assertTrue(stale.get(10, TimeUnit.SECONDS), "read back: the first replica wrote a unit");
        assertAll(
                () -> assertEquals(1, theirs.nodes().size(), "its node, written before the lock was given up"),
                () -> assertEquals(1, theirs.nextNodeIndex()));
        theirs.commit().await();
        assertTrue(mine.begin(), "and back: the second replica wrote a unit too");
        assertEquals(2, mine.nextNodeIndex());
        mine.commit().await();
    }

    @Test
    void theNodesOfAReplicaThatClosedAreAwaySinceForTheOthers() {
        PgStore first = (PgStore) store;
        PgStore second = reopen();
        StoredRun mine = first.open(RUN);
        mine.begin();
        mine.nodeHere(mine.nextNodeIndex());
        mine.commit().await();
        StoredRun theirs = second.open(RUN);
        theirs.begin();
        theirs.commit().await();
        assertFalse(theirs.nodes().get(0).away(), "its replica lives");

        first.close();
        opened.remove(first);
        PgStore third = reopen(); // reads the leases at its start: the first gave its up

        StoredRun later = third.open(RUN);
        assertTrue(later.nodes().get(0).away(), "its replica closed");
    }

    @Test
    void refusesABadPasswordInOneLineThatNeverShowsIt() {
        Secret wrong = Secret.of("not-the-password-" + System.nanoTime());
        PgDatabase bad = new PgDatabase(database.url(), TestPostgres.USER, wrong);

        IOException e = assertThrows(IOException.class, () -> PgStore.open(bad));

        assertAll(
                () -> assertTrue(
                        e.getMessage().startsWith("fast-ci cannot use the database postgresql://127.0.0.1:"),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains("check the user and password"), e.getMessage()),
                () -> assertFalse(e.getMessage().contains(wrong.reveal()), e.getMessage()),
                () -> assertFalse(e.getMessage().contains("\n"), e.getMessage()));
    }

    @Test
    void refusesAnUnreachableDatabaseNamingItsAddress() throws IOException {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PgDatabase nowhere = new PgDatabase(
                "jdbc:postgresql://127.0.0.1:" + closed + "/fastci?password="
                        + pg.password().reveal(),
                null,
                null);

        IOException e = assertThrows(IOException.class, () -> PgStore.open(nowhere));

        assertAll(
                () -> assertTrue(
                        e.getMessage()
                                .startsWith("fast-ci cannot use the database postgresql://127.0.0.1:" + closed
                                        + "/fastci: "),
                        e.getMessage()),
                () -> assertTrue(e.getMessage().contains("check fastCi.database's host and port"), e.getMessage()),
                () -> assertFalse(e.getMessage().contains(pg.password().reveal()), e.getMessage()));
    }

    @Test
    void keepsTheTimingsForTheOtherReplicas() {
        PgStore first = (PgStore) store;
        first.timings().record("junit", "com.acme.ATest", 1.25, true);
        first.timings().save();

        PgStore second = reopen();

        assertAll(
                () -> assertEquals(
                        Map.of("com.acme.ATest", 1.25), second.timings().estimates("junit", List.of("com.acme.ATest"))),
                () -> assertEquals(
                        Set.of("com.acme.ATest"), second.timings().failed("junit", List.of("com.acme.ATest"))));
    }

    @Test
    void keepsTheCiNodesSharesForTheOtherReplicas() {
        store.shares().handedOut(new CiNode("build-a", "a-1", "test", "m"), List.of("A", "B"));
        store.shares().failed(new CiNode("build-a", "a-1", "test", "m"), "B");

        PgStore second = reopen();

        assertEquals(
                Optional.of(new NodeShare("a-1", List.of("A", "B"), List.of("B"), 1)),
                second.shares().earlier("build-a", "test", "a-2"));
    }

    @Test
    void writesTheSharesAgainOnANewConnectionOnceTheDatabaseRestarted() throws IOException {
        store.shares().handedOut(new CiNode("build-r", "r-1", "test", "m"), List.of("A"));

        pg.restart();
        store.shares().handedOut(new CiNode("build-r", "r-1", "test", "m"), List.of("B"));

        assertEquals(
                Optional.of(new NodeShare("r-1", List.of("A", "B"), List.of(), 1)),
                reopen().shares().earlier("build-r", "test", "r-2"));
    }

    @Test
    void aRunWhoseListenerIsSlowHoldsUpNoOtherRunsWakeUps() throws Exception {
        RunId slow = new RunId("test_orchestrator:junit-slow", "junit");
        PgStore second = reopen();
        CountDownLatch slowTold = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherTold = new CountDownLatch(1);
        second.onChange(topic -> {
            if (topic.equals(slow.topic())) {
                slowTold.countDown();
                awaitQuietly(release); // as a run whose unit is slow: its dispatch's lock is held meanwhile
            } else if (topic.equals(RUN.topic())) {
                otherTold.countDown();
            }
        });
        try {
            write(store.open(slow));
            assertTrue(slowTold.await(10, TimeUnit.SECONDS), "the slow run is told");
            write(store.open(RUN));

            assertTrue(otherTold.await(10, TimeUnit.SECONDS), "the other run is told while the slow one waits");
        } finally {
            release.countDown();
        }
    }

    @Test
    void renewsTheLeaseWhileTheTimingsCannotBeWritten() throws Exception {
        PgStore mine = (PgStore) store;
        try (Connection locker = connect(database);
                Connection reader = connect(database);
                Statement lock = locker.createStatement()) {
            locker.setAutoCommit(false);
            lock.execute("LOCK TABLE timings IN ACCESS EXCLUSIVE MODE"); // until rolled back: every write waits
            mine.timings().record("junit", "A", 1.0, false);
            long from = System.currentTimeMillis();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            long seen = 0;
            // Three heartbeats past the record: a lease renewed on the thread that waits for the write stops at one.
            while (seen < from + 3 * PgStore.HEARTBEAT.toMillis() && System.nanoTime() < deadline) {
                try (PreparedStatement query = reader.prepareStatement("SELECT seen_at FROM replicas WHERE id = ?")) {
                    query.setString(1, mine.replica());
                    try (ResultSet rows = query.executeQuery()) {
                        seen = rows.next() ? rows.getLong(1) : 0;
                    }
                }
                new CountDownLatch(1).await(200, TimeUnit.MILLISECONDS); // a bounded pause between reads
            }
            locker.rollback();

            assertTrue(seen >= from + 3 * PgStore.HEARTBEAT.toMillis(), "renewed at " + (seen - from) + " ms");
        }
    }

    @Test
    void aDeleteWaitsForTheReplicaWritingTheRunAndLeavesNoRowOfIt() throws Exception {
        PgStore second = reopen();
        StoredRun mine = store.open(RUN);
        mine.begin(); // this replica holds the run's lock until its unit is written
        mine.nodeHere(mine.nextNodeIndex());

        CompletableFuture<Void> deleted = CompletableFuture.runAsync(() -> second.delete(RUN.topic()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!deleted.isDone() && !anAdvisoryLockIsWaitedFor() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the delete is done, or waits for the run's lock
        }
        mine.commit().await();
        deleted.get(30, TimeUnit.SECONDS);

        long rows = 0;
        try (Connection connection = connect(database)) {
            for (String table : PgStore.RUN_TABLES) {
                try (PreparedStatement query =
                        connection.prepareStatement("SELECT count(*) FROM " + table + " WHERE topic = ?")) {
                    query.setString(1, RUN.topic());
                    try (ResultSet result = query.executeQuery()) {
                        result.next();
                        rows += result.getLong(1);
                    }
                }
            }
        }
        assertEquals(0, rows, "rows of the deleted run");
    }

    @Test
    void startsWhileATransactionElsewhereHoldsTheTablesWhoseColumnsItAddedOnce() throws Exception {
        newStore(); // the schema, the columns added since its first release among it
        try (Connection reader = connect(database)) {
            reader.setAutoCommit(false);
            try (Statement statement = reader.createStatement()) {
                // Held until the transaction ends: a lock that ALTER TABLE's ACCESS EXCLUSIVE waits behind.
                statement.executeQuery("SELECT count(*) FROM runs").close();
                statement.executeQuery("SELECT count(*) FROM results").close();
            }
            CompletableFuture<PgStore> second = CompletableFuture.supplyAsync(this::reopen);
            try {
                assertTrue(second.get(30, TimeUnit.SECONDS).runs().isEmpty());
            } finally {
                reader.rollback();
                second.get(30, TimeUnit.SECONDS); // on a failure too: closed with the others
            }
        }
    }

    @Test
    void carriesOnARunOfADatabaseMadeByTheVersionThatKeptAQueuedRowAndAHeldRowAClass() throws Exception {
        database = pg.newDatabase();
        try (Connection connection = connect(database)) {
            EarlierVersionRun.write(connection, true);
        }

        EarlierVersionRun.assertCarriedOn(this::reopen);
    }

    @Test
    void forgetsTheReplicasDeadForLongThatNoNodeNames() throws Exception {
        long old = System.currentTimeMillis() - PgStore.FORGOTTEN.toMillis() - 60_000;
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(
                    "INSERT INTO replicas (id, seen_at) VALUES ('gone', " + old + "), ('named', " + old + ")");
            statement.execute("INSERT INTO nodes (topic, node, replica, away_since) VALUES ('t', 0, 'named', 0)");
        }

        reopen(); // renews its lease at once

        Set<String> ids = new java.util.HashSet<>();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM replicas")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        assertAll(
                () -> assertFalse(ids.contains("gone"), ids::toString),
                () -> assertTrue(ids.contains("named"), "a node still names it: " + ids));
    }

    private boolean anAdvisoryLockIsWaitedFor() {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
            rows.next();
            return rows.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(StoredRun run) {
        run.begin();
        run.nodeHere(run.nextNodeIndex());
        run.commit().await();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private PgStore reopen() {
        try {
            PgStore store = PgStore.open(database);
            opened.add(store);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
