package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run's facts for {@link PgStore}: this replica's view of them, a {@link MemoryRun} read back from the database,
 * and each change also kept as a write. A unit of work of the rules is one transaction: {@link #begin} locks the run's
 * row and reads the run back when another replica changed it since (its version moved), {@link #commit} writes the
 * unit's changes with the next version and notifies the other replicas. Not thread-safe: the rules guard it.
 */
final class PgRun implements StoredRun {
    /** The table a run's statement writes: each of them writes one. */
    private static final Pattern TABLE = Pattern.compile("^(?:INSERT INTO|DELETE FROM|UPDATE) (\\w+)");

    private final PgStore store;
    private final RunId id;
    private MemoryRun memory;
    /** The row's version this view is of; -1 when it is of none (not read yet, or a write failed). */
    private long version = -1;
    /** The store's count of dead replicas this view's nodes were told at. */
    private long deathsSeen;
    /** The positions of the queue's head and tail. */
    private long head;

    private long tail;
    /** Orders the rows kept in the order they happened (held, results, reports, lost twice): higher than any kept. */
    private long position;
    /** Each node's replica and since when it is away (0: connected), by node index. */
    private final Map<Integer, NodeRow> nodeRows = new TreeMap<>();
    /** The unit of work's connection, from {@link #begin} to {@link #commit}; null between units. */
    private Connection unit;
    /** The writes of the unit of work under way, in order. */
    private List<Write> writes = new ArrayList<>();

    PgRun(PgStore store, RunId id) {
        this.store = store;
        this.id = id;
        this.memory = new MemoryRun(id);
        Connection connection = store.take();
        try {
            version = load(connection);
            connection.commit();
            store.give(connection);
        } catch (SQLException e) {
            store.discard(connection);
            throw store.failure("read a run from", e);
        }
        deathsSeen = store.deaths();
    }

    @Override
    public boolean begin() {
        if (unit != null) {
            return false; // within a unit already
        }
        unit = store.take();
        try {
            long current = lock(unit);
            boolean stale = false;
            if (current != version) {
                version = load(unit);
                stale = true;
            }
            long deaths = store.deaths();
            if (deaths != deathsSeen) {
                deathsSeen = deaths;
                stale = true;
            }
            return stale;
        } catch (SQLException e) {
            store.discard(unit);
            unit = null;
            version = -1;
            throw store.failure("lock a run in", e);
        }
    }

    /** Writes this unit of work's changes with the run's next version, tells the other replicas, and commits. */
    @Override
    public Durable commit() {
        if (unit == null && writes.isEmpty()) {
            return Durable.NOW;
        }
        List<Write> unitWrites = writes;
        writes = new ArrayList<>();
        Connection connection = unit;
        unit = null;
        try {
            if (connection == null) {
                connection = store.take(); // changes made outside a unit (a test's): written on the latest version
                long current = lock(connection);
                version = current == version ? version : -1;
            }
            if (!unitWrites.isEmpty()) {
                unitWrites.add(Write.of(
                        "UPDATE runs SET version = version + 1, next_position = ? WHERE topic = ?", position, topic()));
                PgStore.execute(connection, byTable(unitWrites));
                PgStore.query(
                        connection,
                        "SELECT pg_notify(?, ?)",
                        List.of(PgStore.CHANNEL, store.replica() + ' ' + topic()),
                        row -> {});
                version = version < 0 ? -1 : version + 1;
            }
            connection.commit();
            store.give(connection);
        } catch (SQLException e) {
            if (connection != null) {
                store.discard(connection);
            }
            version = -1; // the view holds changes the database does not: the next unit reads it back
            StoreFailure failure = store.failure("write a run to", e);
            return () -> {
                throw failure;
            };
        }
        return Durable.NOW;
    }

    @Override
    public List<StoredNode> nodes() {
        long wall = store.wallMillis();
        long nanos = store.nanos();
        List<StoredNode> out = new ArrayList<>();
        nodeRows.forEach((index, row) -> {
            boolean alive = store.alive(row.replica());
            boolean away = row.awaySince() != 0 || !alive;
            long since = row.awaySince() != 0 ? row.awaySince() : store.lastSeen(row.replica());
            boolean here = !away && row.replica().equals(store.replica());
            out.add(new StoredNode(index, here, away, nanos - Math.max(0, wall - since) * 1_000_000L));
        });
        return out;
    }

    @Override
    public void nodeHere(int node) {
        node(node, 0);
    }

    @Override
    public void nodeAway(int node, long at) {
        long wall = store.wallMillis() - Math.max(0, store.nanos() - at) / 1_000_000L;
        node(node, Math.max(1, wall));
    }

    @Override
    public void nodeGone(int node) {
        nodeRows.remove(node);
        write("DELETE FROM nodes WHERE topic = ? AND node = ?", topic(), node);
    }

    private void node(int node, long awaySince) {
        nodeRows.put(node, new NodeRow(store.replica(), awaySince));
        write(
                "INSERT INTO nodes (topic, node, replica, away_since) VALUES (?, ?, ?, ?) ON CONFLICT (topic, node)"
                        + " DO UPDATE SET replica = excluded.replica, away_since = excluded.away_since",
                topic(),
                node,
                store.replica(),
                awaySince);
    }

    @Override
    public RunId id() {
        return id;
    }

    @Override
    public int nextNodeIndex() {
        int index = memory.nextNodeIndex();
        write("UPDATE runs SET next_node = ? WHERE topic = ?", index + 1, topic());
        return index;
    }

    @Override
    public void nameNode(String token, int node) {
        memory.nameNode(token, node);
        write(
                "INSERT INTO tokens (topic, token, node) VALUES (?, ?, ?)"
                        + " ON CONFLICT (topic, token) DO UPDATE SET node = excluded.node",
                topic(),
                token,
                node);
    }

    @Override
    public int nodeNamed(String token) {
        return memory.nodeNamed(token);
    }

    @Override
    public boolean enqueue(List<String> classes, Map<String, Double> estimates, long at) {
        if (!memory.enqueue(classes, estimates, at)) {
            return false;
        }
        long wall = store.wallMillis() - Math.max(0, store.nanos() - at) / 1_000_000L;
        write("UPDATE runs SET enqueued = 1, enqueued_at = ? WHERE topic = ?", wall, topic());
        Map<String, Double> kept = new HashMap<>(estimates);
        for (int i = 0; i < classes.size(); i++) {
            String key = classes.get(i);
            write(
                    "INSERT INTO run_classes (topic, class_name, position, estimate) VALUES (?, ?, ?, ?)",
                    topic(),
                    key,
                    (long) i,
                    kept.getOrDefault(key, Timings.NO_HISTORY));
        }
        return true;
    }

    @Override
    public boolean hasQueue() {
        return memory.hasQueue();
    }

    @Override
    public List<String> classes() {
        return memory.classes();
    }

    @Override
    public boolean isEnqueued(String key) {
        return memory.isEnqueued(key);
    }

    @Override
    public double estimate(String key) {
        return memory.estimate(key);
    }

    @Override
    public long enqueuedAt() {
        return memory.enqueuedAt();
    }

    @Override
    public void queueFirst(String key) {
        memory.queueFirst(key);
        queue(key, --head);
    }

    @Override
    public void queueLast(String key) {
        memory.queueLast(key);
        queue(key, ++tail);
    }

    @Override
    public void unqueue(String key) {
        memory.unqueue(key);
        unqueued(key);
    }

    @Override
    public boolean queueEmpty() {
        return memory.queueEmpty();
    }

    @Override
    public double queuedSeconds() {
        return memory.queuedSeconds();
    }

    @Override
    public List<String> take(double shareSeconds) {
        List<String> batch = memory.take(shareSeconds);
        batch.forEach(this::unqueued);
        return batch;
    }

    @Override
    public List<String> take(double shareSeconds, ToIntFunction<String> rank) {
        List<String> batch = memory.take(shareSeconds, rank);
        batch.forEach(this::unqueued);
        return batch;
    }

    @Override
    public void hold(int node, List<String> keys) {
        memory.hold(node, keys);
        for (String key : keys) {
            write(
                    "INSERT INTO held (topic, node, class_name, position) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (topic, node, class_name) DO NOTHING",
                    topic(),
                    node,
                    key,
                    ++position);
        }
    }

    @Override
    public List<String> held(int node) {
        return memory.held(node);
    }

    @Override
    public void release(int node, String key) {
        memory.release(node, key);
        write("DELETE FROM held WHERE topic = ? AND node = ? AND class_name = ?", topic(), node, key);
    }

    @Override
    public List<String> releaseAll(int node) {
        write("DELETE FROM held WHERE topic = ? AND node = ?", topic(), node);
        return memory.releaseAll(node);
    }

    @Override
    public boolean addResult(Result result) {
        if (!memory.addResult(result)) {
            write("UPDATE runs SET duplicates = ? WHERE topic = ?", memory.duplicates(), topic());
            return false;
        }
        write(
                "INSERT INTO results (topic, class_name, status, seconds, lost, tests, position)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, class_name) DO NOTHING",
                topic(),
                result.key(),
                result.status(),
                Double.isFinite(result.seconds()) ? result.seconds() : 0,
                result.lost() ? 1 : 0,
                ResultTests.encode(result.tests()),
                ++position);
        return true;
    }

    @Override
    public boolean hasResult(String key) {
        return memory.hasResult(key);
    }

    @Override
    public Optional<Result> result(String key) {
        return memory.result(key);
    }

    @Override
    public int resultCount() {
        return memory.resultCount();
    }

    @Override
    public double doneSeconds() {
        return memory.doneSeconds();
    }

    @Override
    public int duplicates() {
        return memory.duplicates();
    }

    @Override
    public int addLoss(String key, int delta) {
        int count = memory.addLoss(key, delta);
        write(
                "INSERT INTO losses (topic, class_name, count) VALUES (?, ?, ?)"
                        + " ON CONFLICT (topic, class_name) DO UPDATE SET count = excluded.count",
                topic(),
                key,
                count);
        return count;
    }

    @Override
    public void addLostTwice(String key) {
        memory.addLostTwice(key);
        write(
                "INSERT INTO lost_twice (topic, class_name, position) VALUES (?, ?, ?)"
                        + " ON CONFLICT (topic, class_name) DO NOTHING",
                topic(),
                key,
                ++position);
    }

    @Override
    public List<String> lostTwice() {
        return memory.lostTwice();
    }

    @Override
    public boolean addReport(Report report) {
        if (!memory.addReport(report)) {
            return false;
        }
        write(
                "INSERT INTO reports (topic, class_name, file, xml, position) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (topic, class_name, file) DO NOTHING",
                topic(),
                report.key(),
                report.file(),
                report.xml(),
                ++position);
        return true;
    }

    @Override
    public List<Report> reports() {
        return memory.reports();
    }

    @Override
    public List<Integer> holders() {
        return memory.holders();
    }

    /**
     * Locks the run's row until the transaction ends, making it if it is missing (a new run, or one another replica
     * forgot meanwhile).
     *
     * @return the row's version
     */
    private long lock(Connection connection) throws SQLException {
        long[] current = {-1};
        String sql = "SELECT version FROM runs WHERE topic = ? FOR UPDATE";
        PgStore.query(connection, sql, List.of(topic()), row -> current[0] = row.getLong(1));
        if (current[0] < 0) {
            PgStore.execute(
                    connection,
                    List.of(Write.of(
                            "INSERT INTO runs (topic, run_key) VALUES (?, ?) ON CONFLICT (topic) DO NOTHING",
                            topic(),
                            id.runKey())));
            PgStore.query(connection, sql, List.of(topic()), row -> current[0] = row.getLong(1));
        }
        return current[0];
    }

    /**
     * Reads the run back into a fresh view, in {@code connection}'s transaction.
     *
     * @return the row's version; -1 when there is no row (a run no unit has written yet)
     */
    private long load(Connection connection) throws SQLException {
        MemoryRun run = new MemoryRun(id);
        String topic = topic();
        List<Object> of = List.of(topic);
        long[] counters = {-1, 0, 0, 0, 0, 0}; // version, next node, enqueued, enqueued at, duplicates, position
        PgStore.query(
                connection,
                "SELECT version, next_node, enqueued, enqueued_at, duplicates, next_position FROM runs WHERE topic = ?",
                of,
                row -> {
                    for (int i = 0; i < counters.length; i++) {
                        counters[i] = row.getLong(i + 1);
                    }
                });
        head = 0;
        tail = 0;
        position = 0;
        nodeRows.clear();
        if (counters[0] < 0) {
            memory = run;
            return -1;
        }
        if (counters[2] != 0) {
            Map<String, Double> estimates = new LinkedHashMap<>();
            PgStore.query(
                    connection,
                    "SELECT class_name, estimate FROM run_classes WHERE topic = ? ORDER BY position",
                    of,
                    row -> estimates.put(row.getString(1), row.getDouble(2)));
            // The enq's time, told on this process's clock: how old the queue is, not what another clock read.
            long age = Math.max(0, store.wallMillis() - counters[3]) * 1_000_000L;
            run.enqueue(List.copyOf(estimates.keySet()), estimates, store.nanos() - age);
        }
        PgStore.query(
                connection, "SELECT class_name, position FROM queued WHERE topic = ? ORDER BY position", of, row -> {
                    run.queueLast(row.getString(1));
                    head = Math.min(head, row.getLong(2));
                    tail = Math.max(tail, row.getLong(2));
                });
        PgStore.query(
                connection,
                "SELECT token, node FROM tokens WHERE topic = ?",
                of,
                row -> run.nameNode(row.getString(1), row.getInt(2)));
        PgStore.query(
                connection,
                "SELECT node, class_name FROM held WHERE topic = ? ORDER BY position",
                of,
                row -> run.hold(row.getInt(1), List.of(row.getString(2))));
        PgStore.query(
                connection,
                "SELECT class_name, status, seconds, lost, tests FROM results WHERE topic = ? ORDER BY position",
                of,
                row -> run.addResult(new Result(
                        row.getString(1),
                        row.getString(2),
                        row.getDouble(3),
                        ResultTests.decode(row.getString(5)),
                        row.getLong(4) != 0)));
        PgStore.query(
                connection,
                "SELECT class_name, file, xml FROM reports WHERE topic = ? ORDER BY position",
                of,
                row -> run.addReport(new Report(row.getString(1), row.getString(2), row.getString(3))));
        PgStore.query(
                connection,
                "SELECT class_name, count FROM losses WHERE topic = ?",
                of,
                row -> run.addLoss(row.getString(1), row.getInt(2)));
        PgStore.query(
                connection,
                "SELECT class_name FROM lost_twice WHERE topic = ? ORDER BY position",
                of,
                row -> run.addLostTwice(row.getString(1)));
        PgStore.query(
                connection,
                "SELECT node, replica, away_since FROM nodes WHERE topic = ?",
                of,
                row -> nodeRows.put(row.getInt(1), new NodeRow(row.getString(2), row.getLong(3))));
        run.restoreCounters((int) counters[1], (int) counters[4]);
        position = counters[5];
        memory = run;
        return counters[0];
    }

    /**
     * {@code writes} with those of each table together, each table's in their order: a deq's results alternate
     * between the held, results and queued tables, and each run of one statement is one round trip to the database.
     * The order between tables does not matter: every statement of a run's unit touches one table, and no table's
     * rows depend on another's.
     */
    static List<Write> byTable(List<Write> writes) {
        Map<String, List<Write>> tables = new LinkedHashMap<>();
        for (Write write : writes) {
            Matcher m = TABLE.matcher(write.sql());
            String table = m.find() ? m.group(1) : write.sql();
            tables.computeIfAbsent(table, t -> new ArrayList<>()).add(write);
        }
        List<Write> out = new ArrayList<>(writes.size());
        tables.values().forEach(out::addAll);
        return out;
    }

    private void queue(String key, long at) {
        write(
                "INSERT INTO queued (topic, class_name, position) VALUES (?, ?, ?)"
                        + " ON CONFLICT (topic, class_name) DO NOTHING",
                topic(),
                key,
                at);
    }

    private void unqueued(String key) {
        write("DELETE FROM queued WHERE topic = ? AND class_name = ?", topic(), key);
    }

    private void write(String sql, Object... args) {
        writes.add(Write.of(sql, args));
    }

    private String topic() {
        return id.topic();
    }

    /** A node's row: the replica it is (or was last) connected to, and since when it is away; 0 while connected. */
    private record NodeRow(String replica, long awaySince) {}
}
