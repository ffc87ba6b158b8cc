package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's facts for {@link SqlStore}: read from a {@link MemoryRun} that holds them all, and each change also kept as
 * a write, the writes of one unit of work committed together at {@link #commit}. Not thread-safe: the rules guard it,
 * as any {@link StoredRun}.
 */
final class SqlRun extends WrittenRun {
    private static final Set<String> HELD_WRITES = Set.of(HOLD, RELEASE, RELEASE_ALL);

    private final SqlStore store;
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
    /** Whether the run's row exists in the file: the first commit of a new run makes it. */
    private boolean persisted;

    private SqlRun(SqlStore store, RunId id) {
        super(id);
        this.store = store;
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
    protected long nextPosition() {
        return store.nextPosition();
    }

    @Override
    protected long wallMillis() {
        return store.wallMillis();
    }

    @Override
    protected long enqueuedMillis(long at) {
        return store.wallMillis();
    }

    @Override
    public void unqueue(String key) {
        if (memory.isQueued(key)) { // the rules unqueue each class with a result, most of them taken long before
            memory.unqueue(key);
            unqueued(key);
        }
    }

    @Override
    public void hold(int node, List<String> keys) {
        memory.hold(node, keys);
        handedOut(node, keys);
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
            write(HOLD, topic(), node, key, nextPosition());
            heldInFile(node).add(key);
        }
    }

    @Override
    public void release(int node, String key) {
        memory.release(node, key);
        reported(node, key);
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

    private Set<String> heldInFile(int node) {
        return heldInFile.computeIfAbsent(node, n -> new HashSet<>());
    }

    /** Whether {@code write} is one of this run's writes of what {@code node} holds (its second argument, the node). */
    private static boolean isHeldBy(Write write, int node) {
        return HELD_WRITES.contains(write.sql()) && write.args()[1].equals(node);
    }
}
