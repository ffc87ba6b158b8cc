package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run's facts for {@link PgStore}: this replica's view of them, a {@link MemoryRun} read back from the database,
 * and each change also kept as a write. {@link #begin} takes the run's lock across replicas unless this replica holds
 * it, and reads the run back when another replica changed it since (its row's version moved); {@link #commit} queues
 * the unit's writes, which the first of the waiters writes with every unit pending by then, in one transaction with the
 * next version and a notification to the other replicas. Not thread-safe as a run's facts: the rules guard it; its
 * lock and the units on their way have a lock of their own, taken inside the rules'.
 */
final class PgRun extends WrittenRun {
    /** The first key of the runs' advisory locks; the second is the topic's hash. */
    static final int LOCK_CLASS = 0x66637275;
    /** The run's lock until the transaction ends: for a delete, which must not interleave with a replica's units. */
    static final String XACT_LOCK = "SELECT pg_advisory_xact_lock(?, hashtext(?))";

    private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?, hashtext(?))";
    private static final String LOCK = "SELECT pg_advisory_lock(?, hashtext(?))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(?, hashtext(?))";

    /** The table a run's statement writes: each of them writes one. */
    private static final Pattern TABLE = Pattern.compile("^(?:INSERT INTO|DELETE FROM|UPDATE) (\\w+)");

    private final PgStore store;
    /** The row's version this view is of; -1 when it is of none (not read yet, or a write failed). */
    private long version = -1;
    /** The store's count of dead replicas this view's nodes were told at. */
    private long deathsSeen;
    /** Orders the rows kept in the order they happened (batches, results, reports, lost twice): higher than any kept. */
    private long position;
    /** Each node's replica and since when it is away (0: connected), by node index. */
    private final Map<Integer, NodeRow> nodeRows = new TreeMap<>();

    // The run's lock across replicas: a session-level advisory lock, held on a connection of its own while this
    // replica has units of work of the run in progress or on their way to the database, then kept idle for the store's
    // linger (the next unit takes no round trip for it), and given up when that ends or another replica wants it.
    // The fields below are guarded by tx; the rules' lock is always taken before it, never after.
    private final Object tx = new Object();
    /** The connection that holds the run's lock; null when this replica does not hold it. */
    private Connection owned;
    /** Whether a unit of work is between its begin and its commit (under the rules' lock). */
    private boolean inUnit;
    /** Whether a thread is writing a group of units, or giving the lock up. */
    private boolean committing;
    /** Whether the lock is being given up: no unit may start on it meanwhile. */
    private boolean releasing;
    /** Whether another replica waits for the run's lock: no new unit joins, and it is given up once drained. */
    private boolean wanted;
    /** The writes of the units committed and not yet written, in order. */
    private List<Write> pending = new ArrayList<>();
    /** The units whose writes are pending. */
    private List<Unit> queued = new ArrayList<>();
    /** Counts the times the lock went idle: a linger's end gives it up only if it has stayed idle since. */
    private long idleSince;

    PgRun(PgStore store, RunId id) {
        super(id);
        this.store = store;
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

    /**
     * Takes the run's lock unless this replica holds it already (its earlier units are still on their way to the
     * database: none other can have changed the run meanwhile), and reads the run back when another replica changed
     * it since this one's view.
     */
    @Override
    public boolean begin() {
        Unit last = null;
        boolean giveUp = false;
        synchronized (tx) {
            if (inUnit) {
                return false; // within a unit already
            }
            // A view of no version (a unit undone) is read back only after the lock is given up and taken again.
            while (releasing || committing && (owned == null || wanted || version < 0)) {
                waitTx();
            }
            if (owned != null && !wanted && version >= 0) {
                inUnit = true;
                return deathsChanged();
            }
            if (owned != null && !queued.isEmpty()) {
                last = queued.get(queued.size() - 1); // wanted elsewhere, or undone: what is on its way goes first
            } else if (owned != null) {
                committing =
                        true; // wanted elsewhere (or undone), and nothing on its way: the lock is given up, then queued
                // for
                releasing = true;
                giveUp = true;
            }
        }
        if (last != null) {
            try {
                drain(last); // gives the lock up once written, since it is wanted
            } catch (StoreFailure e) {
                // Its own waiter hears of it; this unit reads the run back.
            }
            return begin();
        }
        if (giveUp) {
            release(false);
        }
        boolean stale = enter(true);
        return deathsChanged() | stale;
    }

    /**
     * Queues this unit of work's writes for the run's next transaction, which the first of its units' waiters writes
     * with the next version, and a notification to the other replicas; a unit that changed nothing gives the run's
     * lock up when nothing else is on its way.
     */
    @Override
    public Durable commit() {
        List<Write> unitWrites = unitWrites();
        boolean outside;
        synchronized (tx) {
            outside = !inUnit;
        }
        if (outside) {
            if (unitWrites.isEmpty()) {
                return Durable.NOW;
            }
            if (!holdsIdle()) {
                enter(false); // changes made outside a unit (a test's): written on the latest version
            }
        }
        synchronized (tx) {
            inUnit = false;
            if (!unitWrites.isEmpty()) {
                unitWrites.add(Write.of("UPDATE runs SET next_position = ? WHERE topic = ?", position, topic()));
                pending.addAll(unitWrites);
                Unit unit = new Unit();
                queued.add(unit);
                return () -> drain(unit);
            }
            if (committing || !pending.isEmpty() || owned == null) {
                return Durable.NOW; // the lock goes with the units on their way
            }
            if (mayLinger()) {
                linger();
                return Durable.NOW;
            }
            committing = true;
            releasing = true;
        }
        release(false);
        return Durable.NOW;
    }

    /**
     * Forgets the unit under way, whose command failed in its middle: its writes go, the view is of no version (the next
     * unit reads the run back, after giving up and taking again the lock) and the lock is given up now unless units
     * committed before are on their way (their writer gives it up once they are written).
     */
    @Override
    public void abort() {
        forgetUnit();
        boolean giveUp;
        synchronized (tx) {
            inUnit = false;
            version = -1;
            giveUp = owned != null && !committing && pending.isEmpty();
            if (giveUp) {
                committing = true;
                releasing = true;
            }
        }
        if (giveUp) {
            release(false);
        }
    }

    /** Writes what is on its way, and gives the run's lock up for good: the store closes. */
    void close() {
        Unit last;
        synchronized (tx) {
            last = queued.isEmpty() ? null : queued.get(queued.size() - 1);
        }
        if (last != null) {
            try {
                drain(last);
            } catch (StoreFailure e) {
                // Closing: what could not be written was never acknowledged.
            }
        }
        synchronized (tx) {
            if (owned != null) {
                store.discard(owned); // its session ends: the lock goes with it
                owned = null;
                store.holding(-1);
            }
        }
    }

    /** Another replica waits for the run's lock: given up at once if it is idle, else once what is under way is written. */
    void wanted() {
        synchronized (tx) {
            if (owned == null) {
                return;
            }
            wanted = true;
            if (!idle()) {
                return;
            }
            committing = true;
            releasing = true;
        }
        store.giveUpLater(() -> release(false), true);
    }

    /**
     * Makes a unit of the changes made outside one when this replica keeps the run's lock idle: taking it again on
     * another connection would wait for this one's own session.
     */
    private boolean holdsIdle() {
        synchronized (tx) {
            while (releasing || committing) {
                waitTx();
            }
            if (owned == null) {
                return false;
            }
            inUnit = true;
            return true;
        }
    }

    /**
     * Whether the lock, with nothing left to write, may be kept idle: not when another replica wants it, nor on a view of
     * no version (the next unit reads the run back after taking the lock again), nor when the store says no. Under tx.
     */
    private boolean mayLinger() {
        return !wanted && version >= 0 && store.mayLinger();
    }

    /** Whether this replica holds the run's lock with nothing under way or on its way. Under {@link #tx}. */
    private boolean idle() {
        return owned != null && !inUnit && !committing && !releasing && pending.isEmpty();
    }

    /** Keeps the idle lock for the store's linger, after which it is given up unless a unit came meanwhile. Under tx. */
    private void linger() {
        long idle = ++idleSince;
        store.giveUpLater(() -> lingerOver(idle), false);
    }

    private void lingerOver(long idle) {
        synchronized (tx) {
            if (idle != idleSince || !idle()) {
                return; // a unit came since: it keeps the lock, or lingers again
            }
            committing = true;
            releasing = true;
        }
        release(false);
    }

    /**
     * Writes the groups of pending units until {@code unit} is written: the first waiter while no one writes writes
     * every unit pending by then in one transaction; once none is pending and no unit is under way, it gives the run's
     * lock up.
     */
    private void drain(Unit unit) {
        while (true) {
            List<Write> group;
            List<Unit> units;
            Connection connection;
            synchronized (tx) {
                while (!unit.done && committing) {
                    waitTx();
                }
                if (unit.done) {
                    if (unit.failure != null) {
                        throw unit.failure;
                    }
                    return;
                }
                committing = true;
                group = pending;
                units = queued;
                pending = new ArrayList<>();
                queued = new ArrayList<>();
                connection = owned;
            }
            StoreFailure failure = null;
            try {
                if (connection == null) {
                    // An earlier group failed while this one's units were under way: its lock and view are gone.
                    throw new StoreFailure(
                            "fast-ci cannot write a run to " + store.describe() + ": an earlier write of it failed",
                            null);
                }
                List<Write> all = new ArrayList<>(byTable(group));
                all.add(Write.of("UPDATE runs SET version = version + 1 WHERE topic = ?", topic()));
                PgStore.execute(connection, all);
                PgStore.query(
                        connection,
                        "SELECT pg_notify(?, ?)",
                        List.of(PgStore.CHANNEL, store.replica() + ' ' + topic()),
                        row -> {});
                connection.commit();
            } catch (StoreFailure e) {
                failure = e;
            } catch (SQLException | RuntimeException e) {
                failure = e instanceof SQLException sql
                        ? store.failure("write a run to", sql)
                        : new StoreFailure("fast-ci cannot write a run to " + store.describe() + ": " + e, e);
            }
            boolean release;
            synchronized (tx) {
                if (failure != null) {
                    // The view holds changes the database does not: every unit after it fails too, and the next
                    // unit reads the run back.
                    units.addAll(queued);
                    queued = new ArrayList<>();
                    pending = new ArrayList<>();
                    version = -1;
                } else if (version >= 0) {
                    version++; // a view of no version (a unit undone meanwhile) stays so: it is read back
                }
                for (Unit written : units) {
                    written.failure = failure;
                    written.done = true;
                }
                boolean idle = failure == null && pending.isEmpty() && !inUnit;
                release = failure != null || idle && !mayLinger();
                releasing = release;
                if (idle && !release) {
                    linger();
                }
            }
            if (release) {
                release(failure != null);
            } else {
                synchronized (tx) {
                    committing = false;
                    tx.notifyAll();
                }
            }
        }
    }

    /**
     * Gives the run's lock up and its connection back (the caller has set {@link #committing}), then lets the next
     * unit or writer go on.
     */
    private void release(boolean failed) {
        Connection connection;
        synchronized (tx) {
            connection = owned;
        }
        try {
            if (connection == null) {
                return; // given up already, by the failed write before (the finally still lets the others go on)
            } else if (failed) {
                store.discard(connection); // its session ends: the lock goes with it
            } else {
                PgStore.query(connection, UNLOCK, List.of(LOCK_CLASS, topic()), row -> {});
                connection.commit();
                store.give(connection);
            }
        } catch (SQLException e) {
            store.discard(connection);
        } finally {
            synchronized (tx) {
                if (owned != null) {
                    store.holding(-1);
                }
                owned = null;
                wanted = false;
                committing = false;
                releasing = false;
                tx.notifyAll();
            }
        }
    }

    /**
     * Takes the run's lock on a connection of the pool, waiting for the replica that holds it (and telling it so, each
     * half second), makes the run's row if it is missing, and reads the run back when {@code readBack} and the row's
     * version is not this view's.
     *
     * @return whether the view was read back
     */
    private boolean enter(boolean readBack) {
        Connection connection = store.take();
        try {
            boolean[] got = {false};
            PgStore.query(connection, TRY_LOCK, List.of(LOCK_CLASS, topic()), row -> got[0] = row.getBoolean(1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!got[0]) {
                PgStore.query(
                        connection,
                        "SELECT pg_notify(?, ?)",
                        List.of(PgStore.WANTS, store.replica() + ' ' + topic()),
                        row -> {});
                connection.commit(); // sends the notification
                try (java.sql.Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL lock_timeout = '500ms'");
                    PgStore.query(connection, LOCK, List.of(LOCK_CLASS, topic()), row -> {});
                    got[0] = true;
                } catch (SQLException e) {
                    if (!"55P03".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    connection.rollback(); // another half second, and the holder told again
                }
            }
            long current = lock(connection);
            boolean stale = false;
            synchronized (tx) {
                if (readBack && current != version) {
                    stale = true;
                } else if (current != version) {
                    version = -1; // written on a view of another version: the next unit reads it back
                }
            }
            if (stale) {
                long loaded = load(connection);
                synchronized (tx) {
                    version = loaded;
                }
            }
            connection.commit(); // the lock is the session's: it outlives this transaction
            synchronized (tx) {
                owned = connection;
                wanted = false;
                inUnit = true;
            }
            store.holding(1);
            return stale;
        } catch (SQLException e) {
            store.discard(connection);
            synchronized (tx) {
                version = -1;
            }
            throw store.failure("lock a run in", e);
        }
    }

    private boolean deathsChanged() {
        long deaths = store.deaths();
        if (deaths != deathsSeen) {
            deathsSeen = deaths;
            return true;
        }
        return false;
    }

    private void waitTx() {
        try {
            tx.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting for a run's lock in " + store.describe(), e);
        }
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
    protected long nextPosition() {
        return ++position;
    }

    @Override
    protected long wallMillis() {
        return store.wallMillis();
    }

    @Override
    protected long enqueuedMillis(long at) {
        return store.wallMillis() - Math.max(0, store.nanos() - at) / 1_000_000L;
    }

    /**
     * Locks the run's row until the transaction ends, making it if it is missing (a new run, or one another replica
     * forgot meanwhile).
     *
     * @return the row's version
     */
    private long lock(Connection connection) throws SQLException {
        long[] current = {-1};
        String sql = "SELECT version FROM runs WHERE topic = ?";
        PgStore.query(connection, sql, List.of(topic()), row -> current[0] = row.getLong(1));
        if (current[0] < 0) {
            PgStore.execute(
                    connection,
                    List.of(Write.of(
                            "INSERT INTO runs (topic, run_key) VALUES (?, ?) ON CONFLICT (topic) DO NOTHING",
                            topic(),
                            id().runKey())));
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
        MemoryRun run = new MemoryRun(id());
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
        position = 0;
        nodeRows.clear();
        queueRows.clear();
        if (counters[0] < 0) {
            memory = run;
            return -1;
        }
        // The enq's time, told on this process's clock: how old the queue is, not what another clock read.
        long age = Math.max(0, store.wallMillis() - counters[3]) * 1_000_000L;
        readBack(
                (sql, args, row) -> PgStore.query(connection, sql, args, row),
                run,
                counters[2] != 0,
                store.nanos() - age);
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
     * between the results, batches and runs tables, and each run of one statement is one round trip to the database.
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

    /** One unit of work on its way to the database, and once written, how that went; guarded by tx. */
    private static final class Unit {
        boolean done;
        StoreFailure failure;
    }

    /** A node's row: the replica it is (or was last) connected to, and since when it is away; 0 while connected. */
    private record NodeRow(String replica, long awaySince) {}
}
