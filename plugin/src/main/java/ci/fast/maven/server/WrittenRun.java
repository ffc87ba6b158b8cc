package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import ci.fast.maven.server.WrittenShares.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What {@link SqlRun} and {@link PgRun} share: a run's facts read from a {@link MemoryRun} that holds them all, and
 * each change also kept as a write of the unit of work under way, in one table shape (schema.sql) for both databases.
 * The queue and what the nodes hold are kept in few rows ({@link QueueRows}). What differs (where a row's position
 * comes from, when an enq happened on the wall clock, how a unit is committed) is each subclass's. Not thread-safe:
 * the rules guard it, as any {@link StoredRun}.
 */
abstract class WrittenRun implements StoredRun {
    /**
     * A class's place in the queue, kept in its run_classes row by the enq that queued it, which thereby writes one row
     * a class rather than a second copy of every class in the queued table.
     */
    static final String ENQUEUED = "INSERT INTO run_classes (topic, class_name, position, estimate, queue_position)"
            + " VALUES (?, ?, ?, ?, ?)";
    /** A class put in the queue again (given back by a node), at its new place: it overrides its run_classes row's. */
    static final String QUEUE = "INSERT INTO queued (topic, class_name, position) VALUES (?, ?, ?)"
            + " ON CONFLICT (topic, class_name) DO UPDATE SET position = excluded.position";
    /** With {@link #UNQUEUE}: the class has no place in the queue any more (nor will get one: skipped). */
    static final String UNPLACE = "UPDATE run_classes SET queue_position = NULL WHERE topic = ? AND class_name = ?";

    static final String UNQUEUE = "DELETE FROM queued WHERE topic = ? AND class_name = ?";
    static final String RESULT =
            "INSERT INTO results (topic, class_name, status, seconds, lost, tests, position, context, node, started_at,"
                    + " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, class_name) DO NOTHING";
    /** One batch handed out: one row, its classes in one column, whatever its size. */
    static final String BATCH = "INSERT INTO batches (topic, node, position, classes) VALUES (?, ?, ?, ?)";
    /** A batch some of whose classes the node no longer holds without a result (a class left out of its results). */
    static final String BATCH_CLASSES = "UPDATE batches SET classes = ? WHERE topic = ? AND position = ?";
    /** A batch none of whose classes its node holds without a result any more. */
    static final String BATCH_DONE = "DELETE FROM batches WHERE topic = ? AND position = ?";
    /** A node holds nothing any more. */
    static final String BATCHES_RELEASED = "DELETE FROM batches WHERE topic = ? AND node = ?";
    /** A node of a store written by an earlier version (a held row a class) holds nothing any more. */
    static final String RELEASE_ALL = "DELETE FROM held WHERE topic = ? AND node = ?";

    private final RunId id;
    /** The facts as this process knows them; replaced when a subclass reads the run back. */
    protected MemoryRun memory;
    /** The writes of the unit of work under way, in order. */
    protected List<Write> writes = new ArrayList<>();
    /** How the queue and what the nodes hold are kept in few rows (see there). */
    protected final QueueRows queueRows;

    /** Where and when each class ran, as this process saw it: kept with its result, for the dashboard. */
    private final Placements placements = new Placements();

    WrittenRun(RunId id) {
        this.id = id;
        this.memory = new MemoryRun(id);
        this.queueRows = new QueueRows(id.topic(), this::write);
    }

    /** The position of the next row kept in the order it happened (batches, results, reports, lost twice). */
    protected abstract long nextPosition();

    /** The wall-clock milliseconds to keep for an enq that happened at {@code at} on the rules' clock. */
    protected abstract long enqueuedMillis(long at);

    /** Milliseconds since the epoch, now: when a class was handed out or ended, as its result keeps it. */
    protected abstract long wallMillis();

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
        write("UPDATE runs SET enqueued = 1, enqueued_at = ? WHERE topic = ?", enqueuedMillis(at), topic());
        Map<String, Double> kept = new HashMap<>(estimates);
        for (int i = 0; i < classes.size(); i++) {
            String key = classes.get(i);
            Write row = Write.of(ENQUEUED, topic(), key, (long) i, kept.getOrDefault(key, Timings.NO_HISTORY), null);
            writes.add(row);
            queueRows.enqueued(key, row.args());
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
    public boolean isQueued(String key) {
        return memory.isQueued(key);
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
        if (!memory.isQueued(key)) {
            memory.queueFirst(key);
            queueRows.queued(key, true);
        }
    }

    @Override
    public void queueLast(String key) {
        if (!memory.isQueued(key)) {
            memory.queueLast(key);
            queueRows.queued(key, false);
        }
    }

    @Override
    public void unqueue(String key) {
        memory.unqueue(key);
        queueRows.touched(key);
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
        batch.forEach(queueRows::touched);
        return batch;
    }

    @Override
    public List<String> take(double shareSeconds, ToIntFunction<String> rank) {
        List<String> batch = memory.take(shareSeconds, rank);
        batch.forEach(queueRows::touched);
        return batch;
    }

    @Override
    public void hold(int node, List<String> keys) {
        memory.hold(node, keys);
        placements.handedOut(node, keys, wallMillis());
        queueRows.held(node, keys, nextPosition());
    }

    @Override
    public List<String> held(int node) {
        return memory.held(node);
    }

    @Override
    public void release(int node, String key) {
        memory.release(node, key);
        placements.reported(node, key);
        queueRows.touched(key);
    }

    @Override
    public List<String> releaseAll(int node) {
        List<String> held = memory.releaseAll(node);
        queueRows.releasedAll(node, held);
        return held;
    }

    @Override
    public boolean addResult(Result result) {
        if (!memory.addResult(result)) {
            write("UPDATE runs SET duplicates = ? WHERE topic = ?", memory.duplicates(), topic());
            return false;
        }
        queueRows.touched(result.key());
        Placements.Placement placed = placements.ended(result.key(), result.seconds(), wallMillis());
        write(
                RESULT,
                topic(),
                result.key(),
                result.status(),
                Double.isFinite(result.seconds()) ? result.seconds() : 0,
                result.lost() ? 1 : 0,
                ResultTests.encode(result.tests()),
                nextPosition(),
                result.context(),
                placed.node(),
                placed.startMillis(),
                placed.endMillis());
        return true;
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
                nextPosition());
        return true;
    }

    @Override
    public List<Report> reports() {
        return memory.reports();
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
                nextPosition());
    }

    @Override
    public List<String> lostTwice() {
        return memory.lostTwice();
    }

    @Override
    public List<Integer> holders() {
        return memory.holders();
    }

    /**
     * The writes of the unit of work under way, with what its queue's and batches' rows must say at its end, in order;
     * the next unit's start empty.
     */
    protected List<Write> unitWrites() {
        queueRows.settle(memory);
        List<Write> unit = writes;
        writes = new ArrayList<>();
        return unit;
    }

    /** Forgets the unit of work under way: its command failed, and the run is read back before the next. */
    protected void forgetUnit() {
        writes = new ArrayList<>();
        queueRows.forgetUnit();
    }

    /**
     * Reads the run's facts back into {@code run} (a fresh one), but for its runs row's: {@code enqueued} says whether
     * it has a queue, created at {@code enqueuedAt} on the rules' clock. This object's view of the rows is then of them.
     */
    protected void readBack(Query query, MemoryRun run, boolean enqueued, long enqueuedAt) throws SQLException {
        List<Object> of = List.of(topic());
        if (enqueued) {
            Map<String, Double> estimates = new LinkedHashMap<>();
            query.run(
                    "SELECT class_name, estimate FROM run_classes WHERE topic = ? ORDER BY position",
                    of,
                    row -> estimates.put(row.getString(1), row.getDouble(2)));
            run.enqueue(List.copyOf(estimates.keySet()), estimates, enqueuedAt);
        }
        query.run(
                "SELECT class_name, status, seconds, lost, tests, context FROM results WHERE topic = ? ORDER BY position",
                of,
                row -> run.addResult(new Result(
                        row.getString(1),
                        row.getString(2),
                        row.getDouble(3),
                        ResultTests.decode(row.getString(5)),
                        row.getLong(4) != 0,
                        row.getString(6))));
        queueRows.read(query, run);
        query.run(
                "SELECT token, node FROM tokens WHERE topic = ?",
                of,
                row -> run.nameNode(row.getString(1), row.getInt(2)));
        query.run(
                "SELECT class_name, file, xml FROM reports WHERE topic = ? ORDER BY position",
                of,
                row -> run.addReport(new Report(row.getString(1), row.getString(2), row.getString(3))));
        query.run(
                "SELECT class_name, count FROM losses WHERE topic = ?",
                of,
                row -> run.addLoss(row.getString(1), row.getInt(2)));
        query.run(
                "SELECT class_name FROM lost_twice WHERE topic = ? ORDER BY position",
                of,
                row -> run.addLostTwice(row.getString(1)));
    }

    protected void write(String sql, Object... args) {
        writes.add(Write.of(sql, args));
    }

    protected String topic() {
        return id.topic();
    }
}
