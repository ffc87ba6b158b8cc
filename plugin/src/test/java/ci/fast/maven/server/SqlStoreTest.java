package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite store keeps the {@link RunStoreContract}, and a second store opened on the same directory (a server
 * started again after a kill) reads back every committed fact, and none that was not committed.
 */
class SqlStoreTest extends RunStoreContract {
    private static final RunId RUN = new RunId("test_orchestrator:junit-durable", "junit");

    @TempDir
    Path dir;

    private final List<SqlStore> opened = new ArrayList<>();

    @Override
    protected RunStore newStore() {
        return reopen();
    }

    @AfterEach
    void closeStores() {
        opened.forEach(SqlStore::close);
    }

    @Test
    void givesASecondStoreOnTheSameFileEveryFactCommitted() {
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
        run.commit().await();

        StoredRun again = reopen().open(RUN);

        assertAll(
                () -> assertEquals(List.of("A", "B", "C", "D", "E"), again.classes()),
                () -> assertEquals(4.0, again.estimate("D")),
                () -> assertEquals(1, again.nodeNamed("token-1")),
                () -> assertEquals(List.of("A"), again.held(1)),
                () -> assertEquals(List.of(1), again.holders()),
                () -> assertEquals(Optional.of(failed), again.result("E")),
                () -> assertEquals(1, again.resultCount()),
                () -> assertEquals(1, again.duplicates()),
                () -> assertEquals(5.0, again.doneSeconds()),
                () -> assertEquals(2, again.addLoss("B", 1), "B was lost once before"),
                () -> assertEquals(List.of("C"), again.lostTwice()),
                () -> assertEquals(6.0, again.queuedSeconds(), "B and D"),
                () -> assertEquals(List.of("B", "D"), again.take(Double.MAX_VALUE), "the queue's order"),
                () -> assertEquals(2, again.nextNodeIndex()),
                () -> assertEquals(Set.of(RUN.topic()), reopen().topics()));
    }

    @Test
    void givesASecondStoreNothingOfAUnitOfWorkNotCommitted() {
        StoredRun run = store.open(RUN);
        run.enqueue(List.of("A", "B"), Map.of("A", 1.0, "B", 1.0), 0);
        run.queueLast("A");
        run.queueLast("B");
        run.commit().await();
        run.take(1.0);
        run.hold(0, List.of("A"));
        run.addResult(Result.lostTwice("B"));

        StoredRun again = reopen().open(RUN);

        assertAll(
                () -> assertEquals(List.of(), again.held(0)),
                () -> assertFalse(again.hasResult("B")),
                () -> assertEquals(List.of("A", "B"), again.take(Double.MAX_VALUE)));
    }

    @Test
    void tellsTheEnqsTimeOnTheClockOfTheProcessThatReadsIt() throws IOException {
        long[] wall = {1_000_000};
        SqlStore first = SqlStore.open(dir, () -> 5_000_000_000L, () -> wall[0], 10);
        opened.add(first);
        StoredRun run = first.open(RUN);
        run.enqueue(List.of("A"), Map.of("A", 1.0), 5_000_000_000L);
        run.commit().await();
        first.close();
        opened.remove(first);
        wall[0] += 3_000; // three seconds later, in a process whose nanosecond clock reads 42 s

        SqlStore second = SqlStore.open(dir, () -> 42_000_000_000L, () -> wall[0], 10);
        opened.add(second);

        assertEquals(39_000_000_000L, second.open(RUN).enqueuedAt(), "enqueued 3 s before now");
    }

    @Test
    void keepsTheCiNodesSharesForASecondStoreAndForgetsTheLeastRecentlyUsedBuildBeyondItsBound() throws IOException {
        SqlStore small = SqlStore.open(dir.resolve("small"), System::nanoTime, System::currentTimeMillis, 2);
        opened.add(small);
        small.shares().handedOut(new CiNode("build-a", "a-1", "test", "m"), List.of("A"));
        small.shares().handedOut(new CiNode("build-b", "b-1", "test", "m"), List.of("B"));
        small.shares().handedOut(new CiNode("build-a", "a-1", "test", "m"), List.of("A2"));
        small.shares().failed(new CiNode("build-a", "a-1", "test", "m"), "A2");
        small.shares().handedOut(new CiNode("build-c", "c-1", "test", "m"), List.of("C"));
        small.close();
        opened.remove(small);

        SqlStore again = SqlStore.open(dir.resolve("small"), System::nanoTime, System::currentTimeMillis, 2);
        opened.add(again);

        assertAll(
                () -> assertTrue(
                        again.shares().earlier("build-b", "test", "b-2").isEmpty(), "b was used least recently"),
                () -> assertEquals(
                        Optional.of(new NodeShare("a-1", List.of("A", "A2"), List.of("A2"), 1)),
                        again.shares().earlier("build-a", "test", "a-2")),
                () -> assertEquals(
                        List.of("C"),
                        again.shares()
                                .earlier("build-c", "test", "c-2")
                                .orElseThrow()
                                .classes()));
    }

    @Test
    void keepsTheLastOfAClassesTimingsRecordedTwiceInOneCommit() {
        SqlStore first = (SqlStore) store;
        first.timings().record("junit", "com.acme.ATest", 1.0, false);
        first.timings().record("junit", "com.acme.BTest", 2.0, false);
        first.timings().record("junit", "com.acme.ATest", 3.0, true);
        first.timings().record("junit", "com.acme.CTest", 4.0, false); // four rows: one statement, A in it twice
        first.timings().save();

        SqlStore second = reopen();

        assertAll(
                () -> assertEquals(
                        Map.of("com.acme.ATest", 3.0, "com.acme.BTest", 2.0, "com.acme.CTest", 4.0),
                        second.timings().snapshot().get("junit")),
                () -> assertEquals(
                        Set.of("com.acme.ATest"),
                        second.timings().failed("junit", List.of("com.acme.ATest", "com.acme.BTest"))));
    }

    @Test
    void writesTheTimingsAfterAGroupOfManyWritesNotWithItAndWithTheNextSmallOne() {
        SqlStore first = (SqlStore) store;
        StoredRun run = first.open(RUN); // read from the file: a flush, which writes every timing recorded before
        first.timings().record("junit", "com.acme.ATest", 1.5, false);
        List<String> classes = IntStream.range(0, SqlStore.SMALL_GROUP)
                .mapToObj(i -> "com.acme.Class" + i + "Test")
                .toList();
        run.enqueue(classes, Map.of(), 7);
        run.commit().await(); // a burst's group: more writes than a small one, so the timing waits

        assertNull(reopen().timings().snapshot().get("junit"), "not written with the enq");

        run.nameNode("token-0", run.nextNodeIndex());
        run.commit().await(); // a group of three writes: it takes the timing

        assertEquals(
                Map.of("com.acme.ATest", 1.5), reopen().timings().snapshot().get("junit"));
    }

    @Test
    void keepsTheTimingsAndTakesInAnOldTimingsFileOnce() throws IOException {
        Path file = dir.resolve("serve-timings.json");
        Files.writeString(
                file,
                "{\"run_keys\": {\"junit\": {\"com.acme.ATest\": 1.25,"
                        + " \"com.acme.BTest\": {\"seconds\": 0.5, \"failed\": true, \"context\": \"spring:1a\"}}}}",
                StandardCharsets.UTF_8);
        SqlStore first = (SqlStore) store;

        assertEquals(2, first.timings().importOnce(file, line -> {}));
        first.timings().record("other", "com.acme.CTest", 3.0, false);
        first.timings().save();
        Files.writeString(file, "{\"run_keys\": {\"junit\": {\"com.acme.ATest\": 99.0}}}", StandardCharsets.UTF_8);

        SqlStore second = reopen();

        assertAll(
                () -> assertEquals(0, second.timings().importOnce(file, line -> {}), "taken in once"),
                () -> assertEquals(
                        Map.of("com.acme.ATest", 1.25, "com.acme.BTest", 0.5),
                        second.timings().estimates("junit", List.of("com.acme.ATest", "com.acme.BTest"))),
                () -> assertEquals(
                        Set.of("com.acme.BTest"), second.timings().failed("junit", List.of("com.acme.BTest"))),
                () -> assertEquals(
                        Map.of("com.acme.BTest", "spring:1a"),
                        second.timings().contexts("junit", List.of("com.acme.ATest", "com.acme.BTest"))),
                () -> assertEquals(
                        Map.of("com.acme.CTest", 3.0),
                        second.timings().snapshot().get("other")));
    }

    @Test
    void forgetsADeletedRunInTheFile() {
        StoredRun run = store.open(RUN);
        run.enqueue(List.of("A"), Map.of("A", 1.0), 0);
        run.addResult(Result.lostTwice("A"));
        run.commit().await();

        store.delete(RUN.topic());

        SqlStore again = reopen();
        assertEquals(Set.of(), again.topics());
        assertFalse(again.open(RUN).hasQueue());
    }

    /**
     * The store writes less than every change (a class taken writes nothing, a batch is one row, a class with a result
     * is cleared from its batch by that result): whatever the rules do, a second store reads back what a store in
     * memory holds.
     */
    @Test
    void readsBackWhatTheUnitsOfWorkLeftHoweverTheyTakeHoldRecordReleaseAndRequeue() {
        Random random = new Random(16);
        List<String> classes = IntStream.range(0, 60).mapToObj(i -> "C" + i).toList();
        Map<String, Double> estimates = new HashMap<>();
        classes.forEach(key -> estimates.put(key, 1.0 + random.nextInt(3)));
        MemoryRun expected = new MemoryRun(RUN);
        StoredRun actual = store.open(RUN);
        for (StoredRun run : List.of(expected, actual)) {
            run.enqueue(classes, estimates, 0);
            classes.forEach(run::queueLast);
        }
        actual.commit().await();
        for (int step = 0; step < 300; step++) {
            int node = random.nextInt(4);
            int kind = random.nextInt(4);
            if (kind <= 1) { // a deq: results for some of what the node held, the rest back first, then a batch
                List<String> held = expected.held(node);
                List<String> done = held.subList(0, random.nextInt(held.size() + 1));
                for (StoredRun run : List.of(expected, actual)) {
                    for (String key : done) {
                        run.release(node, key);
                        run.addResult(Result.of(key, "passed", List.of()));
                        run.unqueue(key);
                    }
                    run.releaseAll(node).forEach(run::queueFirst);
                }
                double share = 1 + random.nextInt(6);
                List<String> batch = expected.take(share);
                assertEquals(batch, actual.take(share), "step " + step);
                expected.hold(node, batch);
                actual.hold(node, batch);
            } else if (kind == 2) { // a node lost: what it held goes last
                expected.releaseAll(node).forEach(expected::queueLast);
                actual.releaseAll(node).forEach(actual::queueLast);
            } else { // a single release without a result (a class the node left out), queued again
                List<String> held = expected.held(node);
                if (!held.isEmpty()) {
                    String key = held.get(random.nextInt(held.size()));
                    for (StoredRun run : List.of(expected, actual)) {
                        run.release(node, key);
                        run.queueFirst(key);
                    }
                }
            }
            // Units of one to several steps: a class released, queued again and handed out in one unit among them.
            if (random.nextInt(3) == 0) {
                actual.commit().await();
                if (random.nextInt(3) == 0) {
                    actual = reopen().open(RUN);
                }
            }
            for (int n = 0; n < 4; n++) {
                assertEquals(Set.copyOf(expected.held(n)), Set.copyOf(actual.held(n)), "node " + n + ", step " + step);
            }
            assertEquals(expected.holders(), actual.holders(), "step " + step);
            assertEquals(expected.resultCount(), actual.resultCount(), "step " + step);
            assertEquals(expected.queuedSeconds(), actual.queuedSeconds(), 1e-9, "step " + step);
        }
        actual.commit().await();
        StoredRun again = reopen().open(RUN);
        for (int n = 0; n < 4; n++) {
            assertEquals(Set.copyOf(expected.held(n)), Set.copyOf(again.held(n)), "node " + n + " at the end");
        }
        assertEquals(expected.take(Double.MAX_VALUE), again.take(Double.MAX_VALUE), "the queue in its order");
    }

    @Test
    void aClassGivenBackAndHandedToAnotherNodeInOneUnitIsHeldByThatNodeAloneAfterARestart() {
        StoredRun run = store.open(RUN);
        run.enqueue(List.of("A", "B", "C"), Map.of("A", 1.0, "B", 1.0, "C", 1.0), 0);
        List.of("A", "B", "C").forEach(run::queueLast);
        run.hold(0, run.take(Double.MAX_VALUE));
        run.commit().await();

        run.release(0, "B");
        run.queueFirst("B");
        run.hold(1, run.take(Double.MAX_VALUE));
        run.commit().await();

        StoredRun again = reopen().open(RUN);
        assertEquals(Set.of("A", "C"), Set.copyOf(again.held(0)));
        assertEquals(List.of("B"), again.held(1));
        assertEquals(Set.of(0, 1), Set.copyOf(again.holders()));
    }

    @Test
    void keepsWhichTestsWereFlakyAndTheClassesContextForASecondStore() {
        StoredRun run = store.open(RUN);
        run.enqueue(List.of("A"), Map.of("A", 1.0), 0);
        Result result = new Result(
                "A",
                "passed",
                0.5,
                List.of(
                        new Result.Test("retried()", "passed", 0.25, null, true),
                        new Result.Test("steady()", "passed", 0.25, null, false)),
                false,
                "spring:com.acme.AppConfig");
        run.addResult(result);
        run.commit().await();

        assertEquals(Optional.of(result), reopen().open(RUN).result("A"));
    }

    @Test
    void addsTheColumnsOfANewerVersionToAFileMadeBeforeThemAndReadsItsRunsBack() throws Exception {
        StoredRun run = store.open(RUN);
        run.enqueue(List.of("A", "B"), Map.of("A", 1.0, "B", 1.0), 0);
        run.addResult(Result.lostTwice("A"));
        run.commit().await();
        ((SqlStore) store).close();
        // The file as the store's first release left it: its results had no context, no node and no times.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqlStore.FILE));
                Statement statement = connection.createStatement()) {
            for (String column : List.of("context", "node", "started_at", "ended_at")) {
                statement.execute("ALTER TABLE results DROP COLUMN " + column);
            }
        }

        StoredRun upgraded = reopen().open(RUN);
        Result withContext = new Result("B", "passed", 0.5, List.of(), false, "spring:com.acme.AppConfig");
        long before = System.currentTimeMillis();
        upgraded.hold(1, List.of("B"));
        upgraded.addResult(withContext);
        long after = System.currentTimeMillis();
        upgraded.commit().await();

        SqlStore reopened = reopen();
        StoredRun again = reopened.open(RUN);
        List<RunRecord.Placed> placed =
                reopened.record(RUN.topic(), 0).orElseThrow().results();
        assertAll(
                () -> assertEquals(Optional.of(Result.lostTwice("A")), again.result("A")),
                () -> assertEquals(Optional.of(withContext), again.result("B")),
                () -> assertEquals(
                        List.of("A", "B"),
                        placed.stream().map(p -> p.result().key()).toList()),
                () -> assertEquals(
                        List.of(-1, 1),
                        placed.stream().map(RunRecord.Placed::node).toList(),
                        "B's node kept"),
                () -> assertEquals(0, placed.get(0).endMillis(), "A, kept before the times were, has none"),
                () -> assertTrue(
                        before <= placed.get(1).startMillis()
                                && placed.get(1).startMillis() <= placed.get(1).endMillis()
                                && placed.get(1).endMillis() <= after,
                        "B from its hand-out to its result: " + placed.get(1)));
    }

    /**
     * The queue is no copy of the run's classes, and a batch handed out is one row however many classes it has; a
     * batch all of whose classes have a result leaves no row.
     */
    @Test
    void writesNoQueuedRowAtTheEnqAndOneRowABatch() throws Exception {
        StoredRun run = store.open(RUN);
        List<String> classes = IntStream.range(0, 100).mapToObj(i -> "C" + i).toList();
        run.enqueue(classes, Map.of(), 0);
        classes.forEach(run::queueLast);
        run.commit().await();
        List<String> batch = run.take(10 * Timings.NO_HISTORY);
        run.hold(0, batch);
        run.commit().await();
        Map<String, Long> afterHold = rowCounts();
        for (String key : batch) {
            run.release(0, key);
            run.addResult(Result.of(key, "passed", List.of()));
        }
        run.releaseAll(0);
        run.commit().await();

        assertAll(
                () -> assertEquals(10, batch.size()),
                () -> assertEquals(Map.of("run_classes", 100L, "queued", 0L, "held", 0L, "batches", 1L), afterHold),
                () -> assertEquals(0L, rowCounts().get("batches"), "every class of the batch has a result"),
                () -> assertEquals(90, reopen().open(RUN).take(Double.MAX_VALUE).size()));
    }

    /**
     * Classes taken off the queue and handed to no node (the failure limit reached) lose their place: a second store
     * queues them no more, and its record says the run is over once the classes held have results.
     */
    @Test
    void forgetsThePlaceOfClassesTakenAndHandedToNoNode() {
        StoredRun run = store.open(RUN);
        run.enqueue(List.of("A", "B", "C"), Map.of("A", 3.0, "B", 2.0, "C", 1.0), 0);
        List.of("A", "B", "C").forEach(run::queueLast);
        run.hold(0, run.take(3.0));
        run.commit().await();
        run.take(Double.MAX_VALUE); // as the rules skip what is queued
        run.commit().await();
        SqlStore second = reopen();
        StoredRun again = second.open(RUN);
        boolean finishedWhileHeld = second.record(RUN.topic(), 0).orElseThrow().finished();
        run.release(0, "A");
        run.addResult(new Result("A", "failed", 3.0, List.of(), false));
        run.releaseAll(0);
        run.commit().await();

        SqlStore third = reopen();
        assertAll(
                () -> assertTrue(again.queueEmpty(), "B and C are queued no more"),
                () -> assertEquals(List.of("A"), again.held(0)),
                () -> assertFalse(finishedWhileHeld, "A is held"),
                () -> assertTrue(third.record(RUN.topic(), 0).orElseThrow().finished()),
                () -> assertTrue(third.open(RUN).queueEmpty()));
    }

    private Map<String, Long> rowCounts() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqlStore.FILE));
                Statement statement = connection.createStatement()) {
            for (String table : List.of("run_classes", "queued", "held", "batches")) {
                try (java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    @Test
    void carriesOnARunOfAFileMadeByTheVersionThatKeptAQueuedRowAndAHeldRowAClass() throws Exception {
        Path earlier = dir.resolve("earlier");
        Files.createDirectories(earlier);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + earlier.resolve(SqlStore.FILE))) {
            EarlierVersionRun.write(connection, false);
        }

        EarlierVersionRun.assertCarriedOn(() -> {
            try {
                SqlStore opened = SqlStore.open(earlier);
                this.opened.add(opened);
                return opened;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void refusesAFileThatIsNoDatabaseNamingIt() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve(SqlStore.FILE), "not a database, but long enough to be read as one's header");

        IOException e = assertThrows(IOException.class, () -> SqlStore.open(other));

        assertTrue(
                e.getMessage().startsWith("fast-ci cannot use the store " + other.resolve(SqlStore.FILE) + ": "),
                e.getMessage());
    }

    @Test
    void keepsNothingAfterAWriteThatFailedSoThatTheFileNeverSaysWhatNoOneWasTold() throws Exception {
        StoredRun run = store.open(RUN);
        run.enqueue(List.of("A", "B"), Map.of("A", 1.0, "B", 1.0), 7);
        List.of("A", "B").forEach(run::queueLast);
        run.hold(0, run.take(0.5));
        run.commit().await();
        // As a full disk would, once: the result of A cannot be written; then the disk is fine again.
        String url = "jdbc:sqlite:" + dir.resolve(SqlStore.FILE);
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection(url);
                java.sql.Statement statement = sql.createStatement()) {
            statement.execute("CREATE TRIGGER full_disk BEFORE INSERT ON results BEGIN"
                    + " SELECT RAISE(ABORT, 'database or disk is full'); END");
        }
        run.addResult(new Result("A", "passed", 0.1, List.of(), false));
        run.release(0, "A");
        StoreFailure first = assertThrows(StoreFailure.class, () -> run.commit().await());
        try (java.sql.Connection sql = java.sql.DriverManager.getConnection(url);
                java.sql.Statement statement = sql.createStatement()) {
            statement.execute("DROP TRIGGER full_disk");
        }

        run.hold(0, run.take(0.5));
        StoreFailure next = assertThrows(StoreFailure.class, () -> run.commit().await());

        assertTrue(first.getMessage().contains("disk is full"), first::getMessage);
        assertTrue(
                next.getMessage().contains("failed a write and keeps nothing more: restart the server"),
                next::getMessage);
        StoredRun again = reopen().open(RUN);
        assertAll(
                () -> assertEquals(List.of("A"), again.held(0), "as the last acknowledged unit left it"),
                () -> assertFalse(again.hasResult("A")),
                () -> assertEquals(List.of("B"), again.take(10)));
    }

    private SqlStore reopen() {
        try {
            SqlStore opened = SqlStore.open(dir);
            this.opened.add(opened);
            return opened;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
