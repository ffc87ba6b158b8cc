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
 * and written once whoever is to answer for it waits ({@link Durable#await}), outside that lock: the first to wait
 * writes every unit queued by then in one transaction, with SQLite's {@code synchronous=FULL} (the write-ahead log is
 * synced to the disk at each commit), and the others wait for it; so each unit of work is on the disk before anyone is
 * told of it, in the order the units were committed, and a server under load pays one sync for many of them.
 *
 * <p>Thread-safe: this store's lock guards the queue and what is pending (short, no I/O); the connection's, the file.
 */
public final class SqlStore implements RunStore, AutoCloseable {
    /** The database's file name in the data directory. */
    public static final String FILE = "fast-ci.db";

    private static final String SCHEMA = "schema.sql";
    private static final List<String> RUN_TABLES =
            List.of("run_classes", "queued", "tokens", "held", "results", "reports", "losses", "lost_twice", "runs");

    private final Path file;
    /** Guarded by itself; autocommit off: every write is in the transaction of a group of units of work. */
    private final Connection connection;
    /** Statements prepared once, by their SQL; guarded by {@link #connection}. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    /** Writes not part of any run's unit of work (the shares, the timings), sent with the next one; guarded by this. */
    private final List<Write> pending = new ArrayList<>();
    /** The units of work committed and not yet written, in order; guarded by {@code this}. */
    private List<Unit> queued = new ArrayList<>();
    /** Whether a thread is writing a group of units; guarded by {@code this}. */
    private boolean writing;

    private final Map<String, SqlRun> runs = new ConcurrentHashMap<>();
    /** Orders what is kept in the order it happened (handed out, lost twice): higher than any position stored. */
    private final AtomicLong sequence;
    /** Nanoseconds, as the rules' clock: a run read back has its enq's time told on it. */
    private final LongSupplier nanos;
    /** Milliseconds since the epoch: what outlives the process's nanosecond clock. */
    private final LongSupplier wallMillis;

    private final SqlShares shares;
    private final SqlTimings timings;

    private SqlStore(Path file, Connection connection, LongSupplier nanos, LongSupplier wallMillis, int builds)
            throws SQLException {
        this.file = file;
        this.connection = connection;
        this.nanos = nanos;
        this.wallMillis = wallMillis;
        this.sequence = new AtomicLong(maxPosition());
        this.shares = new SqlShares(this, builds);
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
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: each commit syncs the write-ahead log, so an acknowledged unit of work survives a power cut too.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            try {
                connection.setAutoCommit(false);
                createSchema(connection);
                return new SqlStore(file, connection, nanos, wallMillis, builds);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IOException("fast-ci cannot use the store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The timing history kept in this store, by run key. */
    public SqlTimings timings() {
        return timings;
    }

    @Override
    public StoredRun open(RunId id) {
        return runs.computeIfAbsent(id.topic(), topic -> load(id));
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
        runs.values().forEach(run -> ids.put(run.id().topic(), run.id()));
        query(
                "SELECT topic, run_key FROM runs",
                List.of(),
                row -> ids.putIfAbsent(row.getString(1), new RunId(row.getString(1), row.getString(2))));
        return List.copyOf(ids.values());
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

    /** Writes what is pending (the timings recorded since the last commit) and closes the file. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            synchronized (connection) {
                try {
                    for (PreparedStatement statement : statements.values()) {
                        statement.close();
                    }
                    connection.close();
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
     * Queues {@code writes}, with what is {@link #later pending} before them, as one unit of work, after every unit
     * queued before it.
     *
     * @return what writes it, when awaited, and returns once it is on the disk
     */
    synchronized Durable submit(List<Write> writes) {
        List<Write> all = new ArrayList<>(pending);
        pending.clear();
        all.addAll(writes);
        Unit unit = new Unit(all);
        queued.add(unit);
        return () -> await(unit);
    }

    /** Writes {@code writes} (and whatever is queued before them) and returns once they are on the disk. */
    void commit(List<Write> writes) {
        submit(writes).await();
    }

    /** Writes whatever is pending or queued, and returns once it is on the disk. */
    void flush() {
        synchronized (this) {
            if (pending.isEmpty() && queued.isEmpty() && !writing) {
                return;
            }
        }
        commit(List.of());
    }

    /** Runs a query, handing each row to {@code row}; what is pending or queued is written first, so that it is read. */
    void query(String sql, List<Object> args, Row row) {
        flush();
        read(sql, args, row);
    }

    /**
     * Runs a query on what is on the disk now, without writing what is pending first: for a caller that holds this
     * store's lock, under which a flush would wait for a writer that needs that lock (it must flush before it takes it).
     */
    void read(String sql, List<Object> args, Row row) {
        synchronized (connection) {
            try {
                PreparedStatement statement = prepared(sql);
                bind(statement, args.toArray());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        row.accept(rows);
                    }
                }
                connection.commit(); // ends the read's transaction, so that the next write's sees the latest file
            } catch (SQLException e) {
                throw new StoreFailure("fast-ci cannot read the store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Waits until {@code unit} is on the disk. The first thread to wait while no one writes becomes the writer: it
     * writes every unit queued by then as one transaction, then the next group, until none is queued; a thread that
     * finds a writer at work waits for its own unit alone (no herd of waiters woken at each commit). A unit is queued
     * before anyone waits for it, and the writer stops only under this store's lock once nothing is queued, so each is
     * written by the writer at work when it was queued, or by the thread that waits for it.
     */
    private void await(Unit unit) {
        boolean write;
        synchronized (this) {
            write = !unit.done && !writing;
            if (write) {
                writing = true;
            }
        }
        if (write) {
            writeAll();
        }
        try {
            unit.written.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting for the store " + file, e);
        }
        if (unit.failure != null) {
            throw unit.failure;
        }
    }

    /** Writes the groups queued, one transaction each, until none is; the caller has set {@link #writing}. */
    private void writeAll() {
        while (true) {
            List<Unit> group;
            synchronized (this) {
                if (queued.isEmpty()) {
                    writing = false;
                    return;
                }
                group = queued;
                queued = new ArrayList<>();
            }
            StoreFailure failure;
            try {
                failure = write(group);
            } catch (RuntimeException e) {
                // Whatever went wrong, the group's waiters hear of it and the next unit finds no writer stuck at work.
                failure = new StoreFailure("fast-ci cannot write to the store " + file + ": " + e, e);
            }
            for (Unit written : group) {
                written.failure = failure;
                written.done = true;
                written.written.countDown();
            }
        }
    }

    /** Writes {@code group} in one transaction; the failure, or null once it is on the disk. */
    private StoreFailure write(List<Unit> group) {
        synchronized (connection) {
            try {
                for (Unit unit : group) {
                    for (Write write : unit.writes) {
                        execute(write);
                    }
                }
                connection.commit();
                return null;
            } catch (SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
                return new StoreFailure("fast-ci cannot write to the store " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private SqlRun load(RunId id) {
        return SqlRun.load(this, id);
    }

    private void execute(Write write) throws SQLException {
        PreparedStatement statement = prepared(write.sql());
        bind(statement, write.args());
        statement.executeUpdate();
    }

    private PreparedStatement prepared(String sql) throws SQLException {
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
        try (Statement statement = connection.createStatement()) {
            for (String table : List.of(
                    "held", "results", "reports", "lost_twice", "share_attempts", "share_classes", "share_failed")) {
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
        connection.commit();
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
        }
        connection.commit();
    }

    /** One unit of work's writes, and once written, how that went. */
    private static final class Unit {
        final List<Write> writes;
        /** Counted down once the unit is written, or failed to be. */
        final CountDownLatch written = new CountDownLatch(1);
        /** Set before {@link #written} is counted down. */
        volatile boolean done;
        /** Why it could not be written; null when it was, or is not yet. Set before {@link #written} is. */
        volatile StoreFailure failure;

        Unit(List<Write> writes) {
            this.writes = writes;
        }
    }

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
