package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * One run's facts for {@link SqlStore}: read from a {@link MemoryRun} that holds them all, and each change also kept as
 * a write, the writes of one unit of work committed together at {@link #commit}. Not thread-safe: the rules guard it,
 * as any {@link StoredRun}.
 */
final class SqlRun implements StoredRun {
    static final String HOLD = "INSERT INTO held (topic, node, class_name, position) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (topic, node, class_name) DO NOTHING";
    static final String UNQUEUE = "DELETE FROM queued WHERE topic = ? AND class_name = ?";
    static final String QUEUE = "INSERT INTO queued (topic, class_name, position) VALUES (?, ?, ?)"
            + " ON CONFLICT (topic, class_name) DO NOTHING";
    static final String ENQUEUED =
            "INSERT INTO run_classes (topic, class_name, position, estimate) VALUES (?, ?, ?, ?)";
    static final String RESULT =
            "INSERT INTO results (topic, class_name, status, seconds, lost, tests, position, context)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, class_name) DO NOTHING";
    private static final String RELEASE = "DELETE FROM held WHERE topic = ? AND node = ? AND class_name = ?";
    private static final String RELEASE_ALL = "DELETE FROM held WHERE topic = ? AND node = ?";
    private static final Set<String> HELD_WRITES = Set.of(HOLD, RELEASE, RELEASE_ALL);

    private final SqlStore store;
    private final MemoryRun memory;
    /**
     * Each node's classes whose held row is in the file once the writes of the unit under way are: those it holds, and
     * those with a result whose row was left (read back as held by no one).
     */
    private final Map<Integer, Set<String>> heldInFile = new HashMap<>();
    /**
     * The classes whose queued row was left in the file though they are not queued: taken and held in one unit of work
     * (read back as not queued while held or done); the row goes when such a class is released without a result.
     */
    private final Set<String> staleQueued = new HashSet<>();
    /** The writes of the unit of work under way, in order. */
    private List<Write> writes = new ArrayList<>();
    /** Whether the run's row exists in the file: the first commit of a new run makes it. */
    private boolean persisted;
    /** The positions of the queue's head and tail: a class queued first goes before the one, last after the other. */
    private long head;

    private long tail;

    private SqlRun(SqlStore store, RunId id) {
        this.store = store;
        this.memory = new MemoryRun(id);
    }

    /** The run of {@code id} as the store's file keeps it, or a new one if it keeps none. */
    static SqlRun load(SqlStore store, RunId id) {
        SqlRun run = new SqlRun(store, id);
        String topic = id.topic();
        store.flush(); // once: every query below then reads what was committed
        long[] counters = {-1, 0, 0, 0}; // next node, enqueued, enqueued at, duplicates; -1: no row
        store.read(
                "SELECT next_node, enqueued, enqueued_at, duplicates FROM runs WHERE topic = ?",
                List.of(topic),
                row -> {
                    counters[0] = row.getLong(1);
                    counters[1] = row.getLong(2);
                    counters[2] = row.getLong(3);
                    counters[3] = row.getLong(4);
                });
        if (counters[0] < 0) {
            return run;
        }
        run.persisted = true;
        if (counters[1] != 0) {
            Map<String, Double> estimates = new LinkedHashMap<>();
            store.read(
                    "SELECT class_name, estimate FROM run_classes WHERE topic = ? ORDER BY position",
                    List.of(topic),
                    row -> estimates.put(row.getString(1), row.getDouble(2)));
            // The enq's time, told on this process's clock: how old the queue is, not what an older clock read.
            long age = Math.max(0, store.wallMillis() - counters[2]) * 1_000_000L;
            run.memory.enqueue(List.copyOf(estimates.keySet()), estimates, store.nanos() - age);
        }
        store.read(
                "SELECT class_name, status, seconds, lost, tests, context FROM results WHERE topic = ? ORDER BY position",
                List.of(topic),
                row -> run.memory.addResult(new Result(
                        row.getString(1),
                        row.getString(2),
                        row.getDouble(3),
                        ResultTests.decode(row.getString(5)),
                        row.getLong(4) != 0,
                        row.getString(6))));
        // A row of a class with a result is left by the unit that recorded it (see releaseAll): no one holds it.
        store.read("SELECT node, class_name FROM held WHERE topic = ? ORDER BY position", List.of(topic), row -> {
            int node = row.getInt(1);
            String key = row.getString(2);
            run.heldInFile(node).add(key);
            if (!run.memory.hasResult(key)) {
                run.memory.hold(node, List.of(key));
            }
        });
        Set<String> held = new HashSet<>();
        run.memory.holders().forEach(node -> held.addAll(run.memory.held(node)));
        // Likewise a class's queued row is left by the unit that took and held it: held or done, it is not queued.
        store.read("SELECT class_name, position FROM queued WHERE topic = ? ORDER BY position", List.of(topic), row -> {
            String key = row.getString(1);
            if (held.contains(key) || run.memory.hasResult(key)) {
                run.staleQueued.add(key);
            } else {
                run.memory.queueLast(key);
            }
            run.head = Math.min(run.head, row.getLong(2));
            run.tail = Math.max(run.tail, row.getLong(2));
        });
        store.read(
                "SELECT token, node FROM tokens WHERE topic = ?",
                List.of(topic),
                row -> run.memory.nameNode(row.getString(1), row.getInt(2)));
        store.read(
                "SELECT class_name, file, xml FROM reports WHERE topic = ? ORDER BY position",
                List.of(topic),
                row -> run.memory.addReport(new Report(row.getString(1), row.getString(2), row.getString(3))));
        store.read(
                "SELECT class_name, count FROM losses WHERE topic = ?",
                List.of(topic),
                row -> run.memory.addLoss(row.getString(1), row.getInt(2)));
        store.read(
                "SELECT class_name FROM lost_twice WHERE topic = ? ORDER BY position",
                List.of(topic),
                row -> run.memory.addLostTwice(row.getString(1)));
        run.memory.restoreCounters((int) counters[0], (int) counters[3]);
        return run;
    }

    @Override
    public RunId id() {
        return memory.id();
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
        write("UPDATE runs SET enqueued = 1, enqueued_at = ? WHERE topic = ?", store.wallMillis(), topic());
        Map<String, Double> kept = new HashMap<>(estimates);
        for (int i = 0; i < classes.size(); i++) {
            String key = classes.get(i);
            write(ENQUEUED, topic(), key, i, kept.getOrDefault(key, Timings.NO_HISTORY));
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
        if (memory.isQueued(key)) { // the rules unqueue each class with a result, most of them taken long before
            memory.unqueue(key);
            unqueued(key);
        }
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
        // A class taken and held in one unit of work keeps its queued row, read back as not queued: one row written
        // per class handed out, not two.
        Set<String> holding = new HashSet<>(keys);
        writes.removeIf(write -> {
            if (write.sql().equals(UNQUEUE) && holding.contains(write.args()[1])) {
                staleQueued.add((String) write.args()[1]);
                return true;
            }
            return false;
        });
        for (String key : keys) {
            write(HOLD, topic(), node, key, store.nextPosition());
            heldInFile(node).add(key);
        }
    }

    @Override
    public List<String> held(int node) {
        return memory.held(node);
    }

    @Override
    public void release(int node, String key) {
        memory.release(node, key);
        write(RELEASE, topic(), node, key);
        if (heldInFile(node).remove(key) && staleQueued.remove(key)) {
            unqueued(key); // neither held nor queued now, unless a result comes (then releaseAll drops this)
        }
    }

    @Override
    public List<String> releaseAll(int node) {
        // A deq releases each class of its results, then all the node held. The releases of classes with a result
        // since are dropped: their rows are read back as held by no one and queued nowhere.
        Set<String> left = heldInFile(node);
        writes.removeIf(write -> {
            boolean release = write.sql().equals(RELEASE) && write.args()[1].equals(node);
            boolean unqueue = write.sql().equals(UNQUEUE);
            if ((release || unqueue) && memory.hasResult((String) write.args()[release ? 2 : 1])) {
                if (release) {
                    left.add((String) write.args()[2]);
                }
                return true;
            }
            return false;
        });
        List<String> survivors =
                left.stream().filter(key -> !memory.hasResult(key)).toList();
        if (!survivors.isEmpty()) {
            // What this unit of work wrote of the node's classes before is undone by this.
            writes.removeIf(write -> isHeldBy(write, node));
            write(RELEASE_ALL, topic(), node);
            left.clear();
            for (String key : survivors) {
                if (staleQueued.remove(key)) {
                    unqueued(key); // requeued, it gets a row of its own, at its new place
                }
            }
        }
        return memory.releaseAll(node);
    }

    @Override
    public boolean addResult(Result result) {
        if (!memory.addResult(result)) {
            write("UPDATE runs SET duplicates = ? WHERE topic = ?", memory.duplicates(), topic());
            return false;
        }
        write(
                RESULT,
                topic(),
                result.key(),
                result.status(),
                Double.isFinite(result.seconds()) ? result.seconds() : 0,
                result.lost() ? 1 : 0,
                ResultTests.encode(result.tests()),
                store.nextPosition(),
                result.context());
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
                store.nextPosition());
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
                store.nextPosition());
    }

    @Override
    public List<String> lostTwice() {
        return memory.lostTwice();
    }

    @Override
    public List<Integer> holders() {
        return memory.holders();
    }

    /** Queues this unit of work's changes as one, for the store's next transaction; the caller awaits them. */
    @Override
    public Durable commit() {
        if (writes.isEmpty()) {
            return Durable.NOW;
        }
        List<Write> unit = writes;
        writes = new ArrayList<>();
        if (!persisted) {
            unit.add(
                    0,
                    Write.of(
                            "INSERT INTO runs (topic, run_key) VALUES (?, ?) ON CONFLICT (topic) DO NOTHING",
                            topic(),
                            id().runKey()));
        }
        persisted = true; // the units after this one are written after it
        return store.submit(unit);
    }

    private void queue(String key, long position) {
        write(QUEUE, topic(), key, position);
    }

    private Set<String> heldInFile(int node) {
        return heldInFile.computeIfAbsent(node, n -> new HashSet<>());
    }

    private void unqueued(String key) {
        write(UNQUEUE, topic(), key);
    }

    /** Whether {@code write} is one of this run's writes of what {@code node} holds (its second argument, the node). */
    private static boolean isHeldBy(Write write, int node) {
        return HELD_WRITES.contains(write.sql()) && write.args()[1].equals(node);
    }

    private void write(String sql, Object... args) {
        writes.add(Write.of(sql, args));
    }

    private String topic() {
        return memory.id().topic();
    }
}
