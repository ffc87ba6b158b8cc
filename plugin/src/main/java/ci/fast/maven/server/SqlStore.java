package ci.fast.maven.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.sqlite.SQLiteConfig;

/**
 * A {@link RunStore} in a database file that outlives the process: {@code fast-ci:serve}'s default, an embedded SQLite
 * database ({@value #FILE} in the data directory; nothing to set up). A server killed at any moment and started again
 * on the same file carries on every run where it was.
 *
 * <p>Each run's facts are also kept in memory ({@link SqlRun} over a {@link MemoryRun}), so the rules read nothing from
 * the file. What a unit of work of the rules changed is queued at its {@link StoredRun#commit}, under the rules' lock,
 * and whoever is to answer for it waits ({@link Durable#await}), outside that lock, until the store's writer thread has
 * committed it: that thread writes every unit queued by then in one transaction and wakes their waiters; so each unit
 * of work is in the file before anyone is told of it, in the order the units were committed. One thread writes, rather
 * than the first waiter: a waiter that wrote would also owe every group queued while it wrote before its own node
 * heard back.
 *
 * <p>What "in the file" means: SQLite's write-ahead log with {@code synchronous=FULL}. Each commit syncs the log to
 * the disk before the waiters wake, so neither a killed process ({@code kill -9}, a crash of the JVM) nor an OS crash
 * or a power cut loses a unit of work acknowledged (issue 16: "a unit of work that finished is on disk before it is
 * acknowledged"). {@code synchronous=NORMAL} (no sync at a commit, the log synced by the checkpoints) was measured:
 * a deq's p99 11 to 22 ms against 32 to 36 ms with {@code FULL} at 500 nodes (README, Figures, row 4), but it would
 * lose the last second's acknowledged units to a power cut, and run their classes twice; not taken.
 *
 * <p>The timing history's writes (one per result) are no unit's: no reply waits for them, so they follow the units,
 * with the writer's next group of few writes or a flush, rather than add a third to each deq's rows in a burst of
 * hundreds of deqs (see {@link #history}). A server killed loses those not written yet: estimates, not a run's facts.
 *
 * <p>The log is copied into the database file (a checkpoint, which syncs the log and then that file) by a thread of
 * its own on a connection of its own, not by the commit that happens to fill it, which would make that group's nodes
 * wait for it; reads go through a third connection, so that a run being loaded or a retried node's question never
 * hold up the writer.
 *
 * <p>Thread-safe: this store's lock guards the queue and what is pending (short, no I/O); each connection is used by
 * one thread at a time (the writer's by the writer thread alone once the store is open).
 */
public final class SqlStore implements RunStore, AutoCloseable {
    /** The database's file name in the data directory. */
    public static final String FILE = "fast-ci.db";

    private static final String SCHEMA = "schema.sql";
    /** The columns {@value #SCHEMA} has that a file made by an earlier version may lack (then they are added). */
    private static final List<Column> ADDED_COLUMNS = List.of(
            new Column("results", "context", "TEXT"),
            new Column("results", "node", "BIGINT"),
            new Column("results", "started_at", "BIGINT"),
            new Column("results", "ended_at", "BIGINT"),
            new Column("run_classes", "queue_position", "BIGINT"));

    /** A group of at most this many writes also takes up to this many of the {@link #history}'s. */
    static final int SMALL_GROUP = 256;
    /** Once the {@link #history} holds more writes than this, every group takes all of them. */
    static final int HISTORY_MOST = 16_384;

    private static final List<String> RUN_TABLES = List.of(
            "run_classes", "queued", "tokens", "held", "batches", "results", "reports", "losses", "lost_twice", "runs");

    private final Path file;
    /** The writer thread's alone once the store is open; autocommit off: each group of units is one transaction. */
    private final Connection writes;
    /** Statements prepared once on {@link #writes}, by their SQL; the writer thread's alone. */
    private final Map<String, PreparedStatement> writeStatements = new HashMap<>();
    /** Guarded by itself; autocommit on: each query sees the last commit. */
    private final Connection reads;
    /** Statements prepared once on {@link #reads}, by their SQL; guarded by {@link #reads}. */
    private final Map<String, PreparedStatement> readStatements = new HashMap<>();

    private final SqlCheckpoints checkpoints;
    private final Thread writer;
    /** Writes not part of any run's unit of work (the shares), sent with the next one; guarded by this. */
    private final List<Write> pending = new ArrayList<>();
    /**
     * The timing history's writes not yet written, in order: no one waits for them, so the writer sends them with a
     * group of few writes ({@link #SMALL_GROUP}), never with a burst of units; with every one once there are more than
     * {@link #HISTORY_MOST}; and all of them with a flush. Guarded by this.
     */
    private final List<Write> history = new ArrayList<>();
    /** The units of work committed and not yet written, in order; guarded by {@code this}. */
    private List<Unit> queued = new ArrayList<>();
    /** Set once {@link #close} began: the writer ends once nothing is queued, and nothing more may be; by this. */
    private boolean closing;
    /** Set by the writer at the first write that failed: every later group fails with it. Set by the writer alone. */
    private volatile StoreFailure broken;
    /** Set once {@link #close} was called; guarded by this. */
    private boolean closed;

    /** The runs opened, each loaded once by whoever opens it first; other runs open meanwhile. */
    private final Map<String, Opening> runs = new ConcurrentHashMap<>();
    /** Orders what is kept in the order it happened (handed out, lost twice): higher than any position stored. */
    private final AtomicLong sequence;
    /** Nanoseconds, as the rules' clock: a run read back has its enq's time told on it. */
    private final LongSupplier nanos;
    /** Milliseconds since the epoch: what outlives the process's nanosecond clock. */
    private final LongSupplier wallMillis;

    private final SqlShares shares;
    private final SqlTimings timings;

    private SqlStore(Path file, Connection writes, Connection reads, SqlCheckpoints checkpoints, Settings settings)
            throws SQLException {
        this.file = file;
        this.writes = writes;
        this.reads = reads;
        this.checkpoints = checkpoints;
        this.nanos = settings.nanos;
        this.wallMillis = settings.wallMillis;
        this.sequence = new AtomicLong(maxPosition());
        this.shares = new SqlShares(this, settings.builds);
        this.writer = new Thread(this::writeQueued, "fast-ci-store-writer");
        writer.setDaemon(true); // a store never closed must not keep its JVM alive; what it acknowledged is on disk
        writer.start();
        this.timings = new SqlTimings(this);
    }

    /**
     * The store in {@code dataDir} (made if missing), whose rules are timed by {@link System#nanoTime}.
     *
     * @throws IOException when the directory cannot be made or the file is no database this store can use
     */
    public static SqlStore open(Path dataDir) throws IOException {
        return open(dataDir, System::nanoTime, System::currentTimeMillis, MemoryShares.DEFAULT_LINEAGES);
    }

    static SqlStore open(Path dataDir, LongSupplier nanos, LongSupplier wallMillis, int builds) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        Settings settings = new Settings(nanos, wallMillis, builds);
        List<Connection> opened = new ArrayList<>();
        try {
            Connection writes = connect(file, opened);
            writes.setAutoCommit(false);
            try (Statement statement = writes.createStatement()) {
                // The checkpoint thread copies the log into the file; the commit that fills it need not, unless that
                // thread falls far behind (a passive checkpoint beside a writer that never pauses may not end the log).
                statement.execute("PRAGMA wal_autocheckpoint = " + SqlCheckpoints.BACKSTOP_PAGES);
            }
            createSchema(writes);
            Connection reads = connect(file, opened);
            SqlCheckpoints checkpoints = new SqlCheckpoints(connect(file, opened), file);
            SqlStore store = new SqlStore(file, writes, reads, checkpoints, settings);
            checkpoints.start();
            return store;
        } catch (SQLException | RuntimeException e) {
            for (Connection connection : opened) {
                try {
                    connection.close();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("fast-ci cannot use the store " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file, List<Connection> opened) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a commit is on the disk when it returns (see the class's comment).
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        opened.add(connection);
        return connection;
    }

    /** The timing history kept in this store, by run key. */
    public SqlTimings timings() {
        return timings;
    }

    /** The run of {@code id}; a run not open yet is read from the file outside the map's lock (its bin's). */
    @Override
    public StoredRun open(RunId id) {
        return runs.computeIfAbsent(id.topic(), topic -> new Opening(this, id)).run();
    }

    @Override
    public Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>(runs.keySet());
        query("SELECT topic FROM runs", List.of(), row -> topics.add(row.getString(1)));
        return Set.copyOf(topics);
    }

    @Override
    public List<RunId> runs() {
        Map<String, RunId> ids = new HashMap<>();
        runs.values().forEach(run -> ids.put(run.id.topic(), run.id));
        query(
                "SELECT topic, run_key FROM runs",
                List.of(),
                row -> ids.putIfAbsent(row.getString(1), new RunId(row.getString(1), row.getString(2))));
        return List.copyOf(ids.values());
    }

    @Override
    public Optional<RunRecord> record(String topic, long after) {
        return RunRecords.read(this::read, RunRecords.NodeRows.HOLDERS_AWAY, topic, after);
    }

    @Override
    public void delete(String topic) {
        runs.remove(topic);
        List<Write> writes = new ArrayList<>();
        for (String table : RUN_TABLES) {
            writes.add(Write.of("DELETE FROM " + table + " WHERE topic = ?", topic));
        }
        commit(writes);
    }

    @Override
    public NodeShares shares() {
        return shares;
    }

    /** Writes what is pending (the timings recorded since the last commit) and closes the file; again, nothing. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            if (broken == null) {
                flush(); // a broken store keeps nothing more: its file stays as the last unit kept left it
            }
        } finally {
            synchronized (this) {
                closing = true;
                notifyAll();
            }
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            checkpoints.close();
            synchronized (reads) {
                try {
                    for (PreparedStatement statement : readStatements.values()) {
                        statement.close();
                    }
                    for (PreparedStatement statement : writeStatements.values()) {
                        statement.close();
                    }
                    reads.close();
                    writes.close();
                } catch (SQLException e) {
                    throw new StoreFailure("fast-ci cannot close the store " + file + ": " + e.getMessage(), e);
                }
            }
        }
    }

    long nextPosition() {
        return sequence.incrementAndGet();
    }

    long nanos() {
        return nanos.getAsLong();
    }

    long wallMillis() {
        return wallMillis.getAsLong();
    }

    /** Adds a write to the next unit of work, whichever run's it is: one that belongs to no run's unit of work. */
    synchronized void later(Write write) {
        pending.add(write);
    }

    /**
     * Adds a write of the timing history, which no reply waits for: written after the units of work committed by then,
     * when the writer has a group of few writes, or at the next {@link #flush} (see {@link #history}). A server killed
     * before loses it, as it loses what is {@link #later pending}: the history is estimates, no run's facts.
     */
    synchronized void history(Write write) {
        history.add(write);
    }

    /**
     * Queues {@code writes}, with what is {@link #later pending} before them, as one unit of work, after every unit
     * queued before it.
     *
     * @return what returns, when awaited, once the unit is committed to the file (see the class's comment)
     */
    synchronized Durable submit(List<Write> writes) {
        if (closing) {
            throw new StoreFailure("fast-ci's store " + file + " is closed", null);
        }
        List<Write> all = new ArrayList<>(pending);
        pending.clear();
        all.addAll(writes);
        if (writes.isEmpty()) { // a flush (or a save of the timings): what is pending of the history too
            all.addAll(history);
            history.clear();
        }
        Unit unit = new Unit(all);
        queued.add(unit);
        if (queued.size() == 1) {
            notifyAll(); // the writer waits only when nothing was queued
        }
        return unit::await;
    }

    /** Writes {@code writes} (and whatever is queued before them) and returns once they are committed. */
    void commit(List<Write> writes) {
        submit(writes).await();
    }

    /** Writes whatever is pending or queued, and returns once it is committed. */
    void flush() {
        commit(List.of()); // an empty unit: written after every unit queued before it, so awaited once they are
    }

    /** Runs a query, handing each row to {@code row}; what is pending or queued is written first, so that it is read. */
    void query(String sql, List<Object> args, Row row) {
        flush();
        read(sql, args, row);
    }

    /**
     * Runs a query on what is committed now, without writing what is pending first: for a caller that holds this
     * store's lock, under which a flush would wait for a writer that needs that lock (it must flush before it takes it).
     */
    void read(String sql, List<Object> args, Row row) {
        synchronized (reads) {
            try {
                PreparedStatement statement = prepared(reads, readStatements, sql);
                bind(statement, args.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        row.accept(rows);
                    }
                }
            } catch (SQLException e) {
                throw new StoreFailure("fast-ci cannot read the store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The writer thread: takes every unit queued, writes them as one transaction, wakes their waiters, and again,
     * until the store closes with nothing queued.
     */
    private void writeQueued() {
        while (true) {
            List<Unit> group;
            List<Write> historyTaken;
            synchronized (this) {
                while (queued.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // Not interrupted by this store; keeps writing what is queued, which someone awaits.
                    }
                }
                if (queued.isEmpty()) {
                    return;
                }
                group = queued;
                queued = new ArrayList<>();
                historyTaken = historyFor(group);
            }
            StoreFailure failure = broken;
            if (failure == null) {
                try {
                    failure = write(group, historyTaken);
                } catch (RuntimeException e) {
                    failure = new StoreFailure("fast-ci cannot write to the store " + file + ": " + e, e);
                }
                if (failure != null) {
                    // The runs in memory hold the failed group's changes, the file does not: a later group written
                    // over them would make the file say what no one was told (a class held, not done; one queued
                    // twice). No unit after it is kept, none acknowledged; a server started again reads the file.
                    broken = new StoreFailure(
                            "fast-ci's store " + file + " failed a write and keeps nothing more: restart the server"
                                    + " (it carries on from the file); the failure: " + failure.getMessage(),
                            failure);
                }
            }
            for (Unit written : group) {
                written.failure = failure;
                written.written.countDown();
            }
            if (failure == null) {
                checkpoints.committed();
            }
        }
    }

    /**
     * Takes the {@link #history}'s writes that {@code group} writes after its units: up to {@link #SMALL_GROUP} of
     * them when its own writes are fewer, all of them when there are too many. A burst of units (hundreds of deqs at
     * once) thus writes their rows alone, and the history's follow once the writer has little to do. Under this lock.
     */
    private List<Write> historyFor(List<Unit> group) {
        int writes = 0;
        for (Unit unit : group) {
            writes += unit.writes.size();
        }
        int taken = history.size() > HISTORY_MOST ? history.size() : Math.min(history.size(), SMALL_GROUP - writes);
        if (taken <= 0) {
            return List.of();
        }
        List<Write> taking = history.subList(0, taken);
        List<Write> takenWrites = List.copyOf(taking);
        taking.clear();
        return takenWrites;
    }

    /** Writes {@code group}, then {@code after}, in one transaction; the failure, or null once it is committed. */
    private StoreFailure write(List<Unit> group, List<Write> after) {
        try {
            List<Write> all = new ArrayList<>();
            for (Unit unit : group) {
                all.addAll(unit.writes);
            }
            all.addAll(after);
            // Merged across the group's units too: they are one transaction, written in their order.
            for (Write write : SqlRows.merge(all)) {
                PreparedStatement statement = prepared(writes, writeStatements, write.sql());
                bind(statement, write.args());
                statement.executeUpdate();
            }
            writes.commit();
            return null;
        } catch (SQLException e) {
            try {
                writes.rollback();
            } catch (SQLException again) {
                e.addSuppressed(again);
            }
            return new StoreFailure("fast-ci cannot write to the store " + file + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepared(
            Connection connection, Map<String, PreparedStatement> statements, String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    private static void bind(PreparedStatement statement, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    private long maxPosition() throws SQLException {
        long max = 0;
        try (Statement statement = writes.createStatement()) {
            for (String table : List.of(
                    "held",
                    "batches",
                    "results",
                    "reports",
                    "lost_twice",
                    "share_attempts",
                    "share_classes",
                    "share_failed")) {
                try (ResultSet rows = statement.executeQuery("SELECT MAX(position) FROM " + table)) {
                    if (rows.next()) {
                        max = Math.max(max, rows.getLong(1));
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT MAX(used) FROM share_builds")) {
                if (rows.next()) {
                    max = Math.max(max, rows.getLong(1));
                }
            }
        }
        writes.commit();
        return max;
    }

    private static void createSchema(Connection connection) throws SQLException {
        String text;
        try (InputStream in = SqlStore.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new SQLException("the plugin's jar lacks " + SCHEMA + ": its installation is broken");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read " + SCHEMA + ": " + e.getMessage(), e);
        }
        try (Statement statement = connection.createStatement()) {
            for (String paragraph : text.split("\\n\\s*\\n")) {
                String sql = paragraph
                        .lines()
                        .filter(line -> !line.startsWith("--"))
                        .reduce("", (a, b) -> a + "\n" + b)
                        .strip();
                if (!sql.isEmpty()) {
                    statement.execute(sql);
                }
            }
            for (Column column : ADDED_COLUMNS) {
                addIfMissing(statement, column);
            }
        }
        connection.commit();
    }

    /** A column added to a table since the first release of the store: a file made before lacks it. */
    private record Column(String table, String name, String type) {}

    private static void addIfMissing(Statement statement, Column column) throws SQLException {
        try (ResultSet columns = statement.executeQuery("PRAGMA table_info(" + column.table() + ")")) {
            while (columns.next()) {
                if (columns.getString("name").equals(column.name())) {
                    return;
                }
            }
        }
        statement.execute("ALTER TABLE " + column.table() + " ADD COLUMN " + column.name() + " " + column.type());
    }

    /** One unit of work's writes, and once written, how that went. */
    private final class Unit {
        final List<Write> writes;
        /** Counted down once the unit is written, or failed to be. */
        final CountDownLatch written = new CountDownLatch(1);
        /** Why it could not be written; null when it was, or is not yet. Set before {@link #written} is. */
        volatile StoreFailure failure;

        Unit(List<Write> writes) {
            this.writes = writes;
        }

        /** Returns once the writer thread has written this unit (and every one queued before it). */
        void await() {
            try {
                written.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreFailure("interrupted while waiting for the store " + file, e);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** A run opened: loaded from the file once, by the first to ask for it, under its own lock, not the map's. */
    private static final class Opening {
        final SqlStore store;
        final RunId id;
        /** Null until loaded; guarded by this. */
        private SqlRun run;

        Opening(SqlStore store, RunId id) {
            this.store = store;
            this.id = id;
        }

        synchronized SqlRun run() {
            if (run == null) {
                run = SqlRun.load(store, id);
            }
            return run;
        }
    }

    /** What a store is opened with, besides its file. */
    private record Settings(LongSupplier nanos, LongSupplier wallMillis, int builds) {}

    /** One row of a query's answer. */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet row) throws SQLException;
    }

    /** One statement that changes the store, with its arguments. */
    record Write(String sql, Object[] args) {
        static Write of(String sql, Object... args) {
            return new Write(sql, args);
        }
    }
}
