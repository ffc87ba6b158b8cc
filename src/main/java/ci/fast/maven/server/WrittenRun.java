package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * What {@link SqlRun} and {@link PgRun} share: a run's facts read from a {@link MemoryRun} that holds them all, and
 * each change also kept as a write of the unit of work under way, in one table shape (schema.sql) for both databases.
 * What differs (where a row's position comes from, when an enq happened on the wall clock, how held and queued rows
 * are kept, how a unit is committed) is each subclass's. Not thread-safe: the rules guard it, as any {@link StoredRun}.
 */
abstract class WrittenRun implements StoredRun {
    static final String HOLD = "INSERT INTO held (topic, node, class_name, position) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (topic, node, class_name) DO NOTHING";
    static final String UNQUEUE = "DELETE FROM queued WHERE topic = ? AND class_name = ?";
    static final String QUEUE = "INSERT INTO queued (topic, class_name, position) VALUES (?, ?, ?)"
            + " ON CONFLICT (topic, class_name) DO NOTHING";
    static final String ENQUEUED =
            "INSERT INTO run_classes (topic, class_name, position, estimate) VALUES (?, ?, ?, ?)";
    static final String RESULT =
            "INSERT INTO results (topic, class_name, status, seconds, lost, tests, position, context, node, started_at,"
                    + " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, class_name) DO NOTHING";
    static final String RELEASE = "DELETE FROM held WHERE topic = ? AND node = ? AND class_name = ?";
    static final String RELEASE_ALL = "DELETE FROM held WHERE topic = ? AND node = ?";

    private final RunId id;
    /** The facts as this process knows them; replaced when a subclass reads the run back. */
    protected MemoryRun memory;
    /** The writes of the unit of work under way, in order. */
    protected List<Write> writes = new ArrayList<>();
    /** The positions of the queue's head and tail: a class queued first goes before the one, last after the other. */
    protected long head;

    protected long tail;

    /** Where and when each class ran, as this process saw it: kept with its result, for the dashboard. */
    private final Placements placements = new Placements();

    WrittenRun(RunId id) {
        this.id = id;
        this.memory = new MemoryRun(id);
    }

    /** The position of the next row kept in the order it happened (held, results, reports, lost twice). */
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
            write(ENQUEUED, topic(), key, (long) i, kept.getOrDefault(key, Timings.NO_HISTORY));
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
        memory.queueFirst(key);
        write(QUEUE, topic(), key, --head);
    }

    @Override
    public void queueLast(String key) {
        memory.queueLast(key);
        write(QUEUE, topic(), key, ++tail);
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
    public List<String> held(int node) {
        return memory.held(node);
    }

    @Override
    public boolean addResult(Result result) {
        if (!memory.addResult(result)) {
            write("UPDATE runs SET duplicates = ? WHERE topic = ?", memory.duplicates(), topic());
            return false;
        }
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

    /** Node {@code node} was handed {@code keys} now: for the place its results keep. A subclass's hold calls it. */
    protected void handedOut(int node, List<String> keys) {
        placements.handedOut(node, keys, wallMillis());
    }

    /** Node {@code node} reported {@code key}, or left it out: for the place its result keeps. A release calls it. */
    protected void reported(int node, String key) {
        placements.reported(node, key);
    }

    /** Keeps that {@code key} is queued no more. */
    protected void unqueued(String key) {
        write(UNQUEUE, topic(), key);
    }

    protected void write(String sql, Object... args) {
        writes.add(Write.of(sql, args));
    }

    protected String topic() {
        return id.topic();
    }
}
