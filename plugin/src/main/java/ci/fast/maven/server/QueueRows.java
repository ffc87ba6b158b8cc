package ci.fast.maven.server;

import ci.fast.maven.server.WrittenShares.Query;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a {@link WrittenRun} keeps its queue and what its nodes hold in few rows, and reads them back. The queue is not
 * a copy of the run's classes: each class has a place (its run_classes row's {@code queue_position}, set by the enq
 * that queued it, or a queued row once a node gave it back, which overrides that), and the queue read back is the
 * classes with a place, without a result, held by no node, in the order of their places. A batch handed out is one
 * batches row (its classes in one column); a node holds the classes of its batches rows that have no result. So a
 * class taken off the queue writes nothing, and a result clears it from its batch by being written.
 *
 * <p>What keeps that true, at the end of each unit of work ({@link #settle}): a batches row lives while one of its
 * classes is held without a result, and says which ones when a class left its node without a result (rewritten); a
 * class that is neither queued, nor held, nor done (skipped once the failure limit is reached) loses its place. A
 * held class always keeps one, so that the rows' count of the classes still to run (RunRecords) need not read the
 * batches' column.
 *
 * <p>A store written by an earlier version has a queued row for each queued class (rows of classes taken since may
 * be left) and a held row for each held class (rows of classes with a result may be left): read back by the same
 * rules, and a node's held rows deleted when it holds nothing any more. Not thread-safe: its run's guard.
 */
final class QueueRows {
    /** Where a unit's writes go: {@link WrittenRun#write}. */
    @FunctionalInterface
    interface Writes {
        void write(String sql, Object... args);
    }

    private final String topic;
    private final Writes writes;
    /** The places of the queue's head and tail: a class queued first goes before the one, last after the other. */
    private long head;

    private long tail;
    /** The batches rows once the unit's writes are written, by position. */
    private final Map<Long, Batch> batches = new HashMap<>();
    /** The batches row each class held is in, once the unit's writes are written (the last, if several). */
    private final Map<String, Long> batchOf = new HashMap<>();
    /** The nodes with held rows of an earlier version's. */
    private final Set<Integer> legacyHeld = new HashSet<>();
    /** The enqueued classes that have no place once the unit's writes are written. */
    private final Set<String> unplaced = new HashSet<>();
    /** The arguments of this unit's run_classes rows, by class: an enq's queueing sets their place. */
    private final Map<String, Object[]> enqueuing = new HashMap<>();
    /** The classes whose place or batch this unit may have changed: {@link #settle} looks at them. */
    private final Set<String> touched = new LinkedHashSet<>();
    /**
     * The batches rows a touched class was in when it was touched: a class released, queued again and handed out
     * in one unit is in a new row by then, and its old row must still lose it.
     */
    private final Set<Long> left = new LinkedHashSet<>();

    QueueRows(String topic, Writes writes) {
        this.topic = topic;
        this.writes = writes;
    }

    /** {@code args} are an enq's run_classes row of {@code key}, written with no place (the queueing sets it). */
    void enqueued(String key, Object[] args) {
        enqueuing.put(key, args);
        unplaced.add(key);
    }

    /** {@code key}, not queued before, was queued first or last: its place. */
    void queued(String key, boolean first) {
        long place = first ? --head : ++tail;
        Object[] row = enqueuing.get(key);
        if (row != null) {
            row[4] = place;
        } else {
            writes.write(WrittenRun.QUEUE, topic, key, place);
        }
        unplaced.remove(key);
    }

    /** {@code key} was taken off the queue, released, given a result: its rows may change at {@link #settle}. */
    void touched(String key) {
        touched.add(key);
        Long position = batchOf.get(key);
        if (position != null) {
            left.add(position);
        }
    }

    /** Node {@code node} was handed {@code keys}, kept as the batches row at {@code position}. */
    void held(int node, List<String> keys, long position) {
        if (keys.isEmpty()) {
            return;
        }
        writes.write(WrittenRun.BATCH, topic, node, position, ClassList.encode(keys));
        batches.put(position, new Batch(node, List.copyOf(keys)));
        for (String key : keys) {
            Long before = batchOf.put(key, position);
            if (before != null && before != position) {
                left.add(before); // handed out again in this unit: its earlier row, if still there, must lose it
            }
            if (unplaced.remove(key)) {
                // Handed out without a place (taken in an earlier unit of work): a held class keeps one.
                writes.write(WrittenRun.QUEUE, topic, key, ++tail);
            }
        }
    }

    /** Node {@code node} holds nothing any more; {@code keys} are what it held. */
    void releasedAll(int node, List<String> keys) {
        List<Long> gone = new ArrayList<>();
        batches.forEach((position, batch) -> {
            if (batch.node() == node) {
                gone.add(position);
            }
        });
        if (!gone.isEmpty()) {
            writes.write(WrittenRun.BATCHES_RELEASED, topic, node);
            gone.forEach(this::forget);
        }
        if (legacyHeld.remove(node)) {
            writes.write(WrittenRun.RELEASE_ALL, topic, node);
        }
        keys.forEach(this::touched);
    }

    /** Writes what the touched classes' rows must say once the unit's writes are written (see the class's comment). */
    void settle(MemoryRun memory) {
        Set<Long> changed = new LinkedHashSet<>(left);
        List<String> skipped = new ArrayList<>();
        for (String key : touched) {
            Long position = batchOf.get(key);
            if (position != null) {
                changed.add(position);
            }
            if (memory.isEnqueued(key)
                    && !memory.isQueued(key)
                    && !memory.hasResult(key)
                    && !memory.isHeld(key)
                    && unplaced.add(key)) {
                Object[] row = enqueuing.get(key);
                if (row != null) {
                    row[4] = null;
                } else {
                    skipped.add(key);
                }
            }
        }
        // Each kind together, so that a store merges them.
        skipped.forEach(key -> writes.write(WrittenRun.UNPLACE, topic, key));
        skipped.forEach(key -> writes.write(WrittenRun.UNQUEUE, topic, key));
        for (long position : changed) {
            Batch batch = batches.get(position);
            if (batch == null) {
                continue; // gone in this unit (its node released everything)
            }
            List<String> held = batch.classes().stream()
                    .filter(key -> memory.isHeld(batch.node(), key) && !memory.hasResult(key))
                    .toList();
            if (held.isEmpty()) {
                writes.write(WrittenRun.BATCH_DONE, topic, position);
                forget(position);
            } else if (!held.equals(batch.classes().stream()
                    .filter(key -> !memory.hasResult(key))
                    .toList())) {
                writes.write(WrittenRun.BATCH_CLASSES, ClassList.encode(held), topic, position);
                forget(position);
                batches.put(position, new Batch(batch.node(), held));
                held.forEach(key -> batchOf.put(key, position));
            }
        }
        forgetUnit();
    }

    /** Forgets what the unit under way touched: it was settled, or undone (then its run is read back). */
    void forgetUnit() {
        touched.clear();
        left.clear();
        enqueuing.clear();
    }

    /**
     * Reads the queue and what the nodes hold back into {@code run}, which has the run's classes and results already,
     * and this object's view of the rows with them.
     */
    void read(Query query, MemoryRun run) throws SQLException {
        clear();
        Map<String, Long> places = new HashMap<>();
        query.run("SELECT class_name, queue_position FROM run_classes WHERE topic = ?", List.of(topic), row -> {
            long place = row.getLong(2);
            if (!row.wasNull()) {
                places.put(row.getString(1), place);
            }
        });
        query.run(
                "SELECT class_name, position FROM queued WHERE topic = ?",
                List.of(topic),
                row -> places.put(row.getString(1), row.getLong(2)));
        for (String key : run.classes()) {
            if (!places.containsKey(key)) {
                unplaced.add(key);
            }
        }
        for (long place : places.values()) {
            head = Math.min(head, place);
            tail = Math.max(tail, place);
        }
        // Batches and an earlier version's held rows, in the order handed out (their positions are of one sequence).
        Map<Long, Batch> handedOut = new TreeMap<>();
        query.run(
                "SELECT node, position, classes FROM batches WHERE topic = ? ORDER BY position",
                List.of(topic),
                row -> {
                    long position = row.getLong(2);
                    Batch batch = new Batch(row.getInt(1), ClassList.decode(row.getString(3)));
                    handedOut.put(position, batch);
                    batches.put(position, batch);
                    batch.classes().forEach(key -> batchOf.put(key, position));
                });
        query.run("SELECT node, class_name, position FROM held WHERE topic = ?", List.of(topic), row -> {
            handedOut.put(row.getLong(3), new Batch(row.getInt(1), List.of(row.getString(2))));
            legacyHeld.add(row.getInt(1));
        });
        handedOut
                .values()
                .forEach(batch -> run.hold(
                        batch.node(),
                        batch.classes().stream()
                                .filter(key -> !run.hasResult(key))
                                .toList()));
        places.entrySet().stream()
                .filter(place ->
                        run.isEnqueued(place.getKey()) && !run.hasResult(place.getKey()) && !run.isHeld(place.getKey()))
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .forEach(place -> run.queueLast(place.getKey()));
    }

    /** Forgets every row: the run has none (not written yet, or forgotten). */
    void clear() {
        head = 0;
        tail = 0;
        batches.clear();
        batchOf.clear();
        legacyHeld.clear();
        unplaced.clear();
        forgetUnit();
    }

    private void forget(long position) {
        Batch batch = batches.remove(position);
        for (String key : batch.classes()) {
            batchOf.remove(key, position);
        }
    }

    /** A batches row: its node, and its classes in the order handed out. */
    private record Batch(int node, List<String> classes) {}
}
