package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.sql.SQLException;
import java.util.List;

/**
 * One run's facts for {@link SqlStore}: read from a {@link MemoryRun} that holds them all, and each change also kept as
 * a write, the writes of one unit of work committed together at {@link #commit}. Not thread-safe: the rules guard it,
 * as any {@link StoredRun}.
 */
final class SqlRun extends WrittenRun {
    private final SqlStore store;
    /** Whether the run's row exists in the file: the first commit of a new run makes it. */
    private boolean persisted;

    private SqlRun(SqlStore store, RunId id) {
        super(id);
        this.store = store;
    }

    /** The run of {@code id} as the store's file keeps it, or a new one if it keeps none. */
    static SqlRun load(SqlStore store, RunId id) {
        SqlRun run = new SqlRun(store, id);
        store.flush(); // once: every query below then reads what was committed
        long[] counters = {-1, 0, 0, 0}; // next node, enqueued, enqueued at, duplicates; -1: no row
        store.read(
                "SELECT next_node, enqueued, enqueued_at, duplicates FROM runs WHERE topic = ?",
                List.of(id.topic()),
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
        // The enq's time, told on this process's clock: how old the queue is, not what an older clock read.
        long age = Math.max(0, store.wallMillis() - counters[2]) * 1_000_000L;
        try {
            run.readBack(store::read, run.memory, counters[1] != 0, store.nanos() - age);
        } catch (SQLException e) {
            throw new IllegalStateException("SqlStore.read throws no SQLException", e);
        }
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

    /** Queues this unit of work's changes as one, for the store's next transaction; the caller awaits them. */
    @Override
    public Durable commit() {
        List<Write> unit = unitWrites();
        if (unit.isEmpty()) {
            return Durable.NOW;
        }
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
}
