package ci.fast.maven.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A {@link RunStore} in PostgreSQL ({@code fastCi.database}), which several server processes (replicas behind one load
 * balancer) share: the nodes of one run may be connected to any of them.
 *
 * <p>The units of work of one run are serial across every replica: a replica takes the run's lock (a session-level
 * advisory lock on the run's topic) before its first unit, and holds it while its units follow one another and are on
 * their way to the database, which it writes in groups (the first of their waiters writes every unit pending by then in
 * one transaction, as the SQLite store does); once none is pending it keeps the lock for {@link #LINGER} (a run's next
 * unit then takes it without a round trip), and gives it up when that ends, or at once when another replica waits for
 * it (a notification on {@value #WANTS}). The run's row carries a version each group bumps; a replica that takes
 * the lock on a version other than its view's reads the run back ({@link PgRun}, a {@link MemoryRun}), and its rules
 * rebuild what they know of the nodes ({@link StoredRun#begin}). Each group's commit notifies the others
 * ({@code NOTIFY}, on {@value #CHANNEL}), whose {@code LISTEN} wakes the ones with a deq held for the run
 * ({@link #onChange}). Each replica renews its lease in {@code replicas} every {@link #HEARTBEAT}: a replica whose lease
 * is older than {@link #LEASE} is dead, and its nodes away since its last renewal (its session, and the locks it held,
 * are gone with it).
 *
 * <p>Thread-safe: a run that holds its lock holds a connection of the pool; the rules' lock guards each run.
 */
public final class PgStore implements RunStore, AutoCloseable {
    /** The channel of the replicas' notifications: {@code <replica> <topic>}. */
    static final String CHANNEL = "fast_ci_runs";
    /** The channel on which a replica tells the one holding a run's lock that it waits for it: {@code <replica> <topic>}. */
    static final String WANTS = "fast_ci_wants";
    /** How often a replica renews its lease. */
    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** How old a replica's lease may be before the others take it for dead. */
    static final Duration LEASE = Duration.ofSeconds(10);
    /** How long a dead replica's row is kept once no node names it (its death is long told). */
    static final Duration FORGOTTEN = Duration.ofHours(1);

    /** Connections: a run with units of work on their way holds one; the others come and go. */
    private static final int POOL = 32;
    /**
     * How long a replica keeps a run's lock once it has nothing of the run left to write, in case the run's next unit
     * comes soon (on a busy run it does: a unit that finds the lock held takes no round trip for it). Another replica
     * that wants the lock says so, and gets it at once.
     */
    static final Duration LINGER = Duration.ofMillis(250);
    /**
     * A run keeps its lock idle only while at most this many runs' locks are held by this replica, each on a connection
     * of the pool: beyond that, a run gives its lock up as soon as it has nothing left to write.
     */
    private static final int LINGERING = POOL / 4;
    /** How long a close waits for a timings flush under way: bounded, so that a database that does not answer cannot
     * hang it. */
    private static final Duration CLOSE_FLUSH_WAIT = Duration.ofSeconds(10);
    /** Serialises the replicas that make the schema at once (two CREATE TABLE IF NOT EXISTS may clash). */
    private static final long SCHEMA_LOCK = 0x6661737463690001L;
    /**
     * A column added since the schema's first release. PostgreSQL takes the table's ACCESS EXCLUSIVE lock before it
     * finds the column there, so such a statement run at every start would make a replica that starts wait behind
     * every transaction open on the table and every other replica's wait behind it: it runs only when the column is
     * missing.
     */
    private static final Pattern ADDED_COLUMN =
            Pattern.compile("(?is)ALTER TABLE (\\w+) ADD COLUMN IF NOT EXISTS (\\w+)\\b.*");

    static final List<String> RUN_TABLES = List.of(
            "run_classes",
            "queued",
            "tokens",
            "held",
            "batches",
            "results",
            "reports",
            "losses",
            "lost_twice",
            "nodes",
            "runs");

    private final PgDatabase database;
    /** This process among the replicas: random, so that a process started again is a new replica. */
    private final String replica = UUID.randomUUID().toString();

    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(POOL);
    private final AtomicInteger opened = new AtomicInteger();
    private final Map<String, PgRun> runs = new ConcurrentHashMap<>();
    private final LongSupplier nanos;
    private final LongSupplier wallMillis;
    private final PgShares shares;
    private final PgTimings timings;

    /** The replicas' last renewals, by id, as last read; rewritten by the heartbeat. */
    private volatile Map<String, Long> leases = Map.of();
    /** Bumped whenever a replica is found dead: every run's rules rebuild their view of the nodes. */
    private final AtomicLong deaths = new AtomicLong();

    private final List<Consumer<String>> changes = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> deathTold = new CopyOnWriteArrayList<>();
    /**
     * Where the changes are told: never the listening thread, which must keep renewing the lease, and one topic's
     * apart from another's, so that a run whose unit is slow (its rules' lock held, its disk write waited for) holds up
     * only its own wake-ups.
     */
    private final ExecutorService teller = Executors.newCachedThreadPool(r -> daemon(r, "fast-ci-store-changes"));
    /**
     * The topics whose listeners are being told (a thread of the teller's each), with whether they were told again
     * meanwhile: then they are told once more, by the same thread, however many times that was (the listeners read the
     * run as it is then). Guarded by itself.
     */
    private final Map<String, Boolean> telling = new HashMap<>();

    /** Listens, and renews the lease; replaced when it breaks (the database restarted). Used by the listener alone. */
    private volatile Connection listening;

    private final Thread listener;
    /**
     * Writes the timings each heartbeat: never on the listening thread, whose lease renewal a slow write (a lock on the
     * timings rows, a database under load) must not hold up past the lease.
     */
    private final ScheduledExecutorService flusher =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fast-ci-store-timings"));

    /** Gives up the runs' locks kept idle: when the linger ends, or when another replica wants one. */
    private final ScheduledExecutorService locks =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "fast-ci-store-locks"));
    /** How long a run's lock is kept idle. */
    private final Duration linger;
    /** The runs whose lock this replica holds. */
    private final AtomicInteger holders = new AtomicInteger();

    private volatile boolean closed;

    private PgStore(PgDatabase database, LongSupplier nanos, LongSupplier wallMillis, int builds, Duration linger)
            throws SQLException {
        this.database = database;
        this.nanos = nanos;
        this.wallMillis = wallMillis;
        this.linger = linger;
        Connection schema = connect();
        try {
            createSchema(schema);
        } catch (SQLException e) {
            schema.close();
            throw e;
        }
        idle.add(schema);
        opened.incrementAndGet();
        this.listening = listener();
        renew();
        this.shares = new PgShares(this, connect(), builds);
        this.timings = new PgTimings(this);
        this.listener = new Thread(this::listen, "fast-ci-store-listener");
        listener.setDaemon(true);
        listener.start();
        flusher.scheduleWithFixedDelay(
                this::flushTimings, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the store in {@code database}, making its tables if they are missing.
     *
     * @throws IOException in one line that names what to fix (never the password) when the database cannot be used
     */
    public static PgStore open(PgDatabase database) throws IOException {
        return open(database, System::nanoTime, System::currentTimeMillis, MemoryShares.DEFAULT_LINEAGES);
    }

    static PgStore open(PgDatabase database, LongSupplier nanos, LongSupplier wallMillis, int builds)
            throws IOException {
        return open(database, nanos, wallMillis, builds, LINGER);
    }

    /** As {@link #open(PgDatabase)}, keeping a run's lock idle for {@code linger}. */
    static PgStore open(PgDatabase database, LongSupplier nanos, LongSupplier wallMillis, int builds, Duration linger)
            throws IOException {
        try {
            return new PgStore(database, nanos, wallMillis, builds, linger);
        } catch (SQLException e) {
            throw new IOException(problem(database, e), e);
        }
    }

    /** The one line that says why {@code database} cannot be used, and what to fix. */
    static String problem(PgDatabase database, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String fix;
        if (state.startsWith("28")) {
            fix = "check the user and password (in fastCi.database's URL, or FAST_CI_DATABASE_USER and"
                    + " FAST_CI_DATABASE_PASSWORD)";
        } else if (state.equals("3D000")) {
            fix = "create the database, or name another in fastCi.database";
        } else if (state.startsWith("08")) {
            fix = "check fastCi.database's host and port, and that PostgreSQL is running there";
        } else {
            fix = "check fastCi.database";
        }
        return "fast-ci cannot use the database " + database.describe() + ": " + database.scrub(e.getMessage()) + "; "
                + fix;
    }

    /** The timing history kept in this store, by run key. */
    public PgTimings timings() {
        return timings;
    }

    @Override
    public StoredRun open(RunId id) {
        return runs.computeIfAbsent(id.topic(), topic -> new PgRun(this, id));
    }

    @Override
    public Set<String> topics() {
        Set<String> topics = ConcurrentHashMap.newKeySet();
        topics.addAll(runs.keySet()); // opened here, and not written yet
        read("SELECT topic FROM runs", List.of(), row -> topics.add(row.getString(1)));
        return Set.copyOf(topics);
    }

    @Override
    public List<RunId> runs() {
        List<RunId> ids = new ArrayList<>();
        read(
                "SELECT topic, run_key FROM runs",
                List.of(),
                row -> ids.add(new RunId(row.getString(1), row.getString(2))));
        return ids;
    }

    @Override
    public Optional<RunRecord> record(String topic, long after) {
        return RunRecords.read(this::read, RunRecords.NodeRows.table(this::alive), topic, after);
    }

    @Override
    public void delete(String topic) {
        PgRun mine = runs.remove(topic);
        if (mine != null) {
            mine.close(); // what it has on its way is written first, and its lock given up: it is not waited for below
        }
        Connection connection = take();
        try {
            // The run's lock across replicas, until this transaction ends: a replica writing the run finishes first,
            // and none writes half a run back after the delete.
            query(connection, PgRun.XACT_LOCK, List.of(PgRun.LOCK_CLASS, topic), row -> {});
            for (String table : RUN_TABLES) {
                try (PreparedStatement statement =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE topic = ?")) {
                    statement.setString(1, topic);
                    statement.executeUpdate();
                }
            }
            connection.commit();
            give(connection);
        } catch (SQLException e) {
            discard(connection);
            throw failure("delete a run from", e);
        }
    }

    @Override
    public NodeShares shares() {
        return shares;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void onChange(Consumer<String> topic) {
        changes.add(topic);
    }

    @Override
    public void onDeath(Consumer<String> topic) {
        deathTold.add(topic);
    }

    /** What a log line may say of this store: the database's host, port and name. */
    public String describe() {
        return database.describe();
    }

    private void flushTimings() {
        try {
            timings.flush();
        } catch (RuntimeException e) {
            // The records are gone (the history is a hint): the next records are written at the next heartbeat. Any
            // failure, not only the store's: one that escaped would end the repeating flush for good.
        }
    }

    /** Stops listening, gives up this replica's lease (its nodes are away at once, for the others) and disconnects. */
    @Override
    public void close() {
        flusher.shutdown();
        try {
            // A flush under way ends first: two at once could leave the last records to the one that ends later.
            flusher.awaitTermination(CLOSE_FLUSH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            timings.flush();
        } catch (StoreFailure e) {
            // The history is a hint: the next run estimates without these records.
        }
        closed = true;
        listener.interrupt();
        try {
            listener.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        teller.shutdownNow();
        locks.shutdownNow();
        runs.values().forEach(PgRun::close);
        // Its lease given up, as if it had lapsed just now: its nodes still connected have their grace from now.
        try (PreparedStatement statement = listening.prepareStatement("UPDATE replicas SET seen_at = ? WHERE id = ?")) {
            statement.setLong(1, wallMillis() - LEASE.toMillis());
            statement.setString(2, replica);
            statement.executeUpdate();
        } catch (SQLException e) {
            // Its lease lapses on its own.
        }
        closeQuietly(listening);
        shares.close();
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            closeQuietly(connection);
        }
    }

    String replica() {
        return replica;
    }

    long nanos() {
        return nanos.getAsLong();
    }

    long wallMillis() {
        return wallMillis.getAsLong();
    }

    /** How many replicas were found dead so far: a run's view of its nodes is as old as the count it was built at. */
    long deaths() {
        return deaths.get();
    }

    /**
     * Whether {@code other} holds its lease: this replica always does; a replica never seen by the last renewal is
     * taken as alive (it started since).
     */
    boolean alive(String other) {
        if (other.equals(replica)) {
            return true;
        }
        Long seen = leases.get(other);
        return seen == null || wallMillis() - seen < LEASE.toMillis();
    }

    /** When {@code other} last renewed its lease, in milliseconds since the epoch; 0 when unknown. */
    long lastSeen(String other) {
        return leases.getOrDefault(other, 0L);
    }

    /** A connection of the pool, in a transaction of its own (autocommit off): given back by {@link #give}. */
    Connection take() {
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        if (opened.incrementAndGet() <= POOL) {
            try {
                return connect();
            } catch (SQLException e) {
                opened.decrementAndGet();
                throw failure("connect to", e);
            }
        }
        opened.decrementAndGet();
        try {
            connection = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailure("interrupted while waiting for a connection to " + describe(), e);
        }
        if (connection == null) {
            throw new StoreFailure("fast-ci waited 30 s for a connection to " + describe() + " in vain", null);
        }
        return connection;
    }

    void give(Connection connection) {
        if (closed || !idle.offer(connection)) {
            closeQuietly(connection);
            opened.decrementAndGet();
        }
    }

    /**
     * Whether a run whose lock this replica holds, and which has nothing left to write, may keep it for {@link
     * #linger}: not once the store closes, nor while many runs' locks are held, each pinning a connection of the pool.
     */
    boolean mayLinger() {
        return !closed && holders.get() <= LINGERING;
    }

    /** A run took ({@code +1}) or gave up ({@code -1}) its lock. */
    void holding(int change) {
        holders.addAndGet(change);
    }

    /**
     * Runs {@code release} once the linger is over, or at once when {@code now}: on the store's own thread, never the
     * listening one, whose lease renewal a round trip must not hold up; inline when the store is closing.
     */
    void giveUpLater(Runnable release, boolean now) {
        try {
            if (now) {
                locks.execute(release);
            } else {
                locks.schedule(release, linger.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            release.run(); // closing: PgRun.close gives every lock up anyway
        }
    }

    /** Closes a connection that failed: the pool opens a fresh one when it needs one. */
    void discard(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // It is closed next.
        }
        closeQuietly(connection);
        opened.decrementAndGet();
    }

    StoreFailure failure(String what, SQLException e) {
        return new StoreFailure(
                "fast-ci cannot " + what + " the database " + describe() + ": " + database.scrub(e.getMessage()), e);
    }

    /** Runs a query in a transaction of its own, handing each row to {@code row}. */
    void read(String sql, List<Object> args, SqlStore.Row row) {
        Connection connection = take();
        try {
            query(connection, sql, args, row);
            connection.commit();
            give(connection);
        } catch (SQLException e) {
            discard(connection);
            throw failure("read", e);
        }
    }

    static void query(Connection connection, String sql, List<Object> args, SqlStore.Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.accept(rows);
                }
            }
        }
    }

    /**
     * Executes {@code writes} on {@code connection}, those of one statement after another in one batch: a unit of
     * work's hundreds of results are one round trip.
     */
    static void execute(Connection connection, List<SqlStore.Write> writes) throws SQLException {
        Map<String, PreparedStatement> statements = new HashMap<>();
        try {
            String last = null;
            for (SqlStore.Write write : writes) {
                if (last != null && !last.equals(write.sql())) {
                    statements.get(last).executeBatch();
                }
                PreparedStatement statement = statements.get(write.sql());
                if (statement == null) {
                    statement = connection.prepareStatement(write.sql());
                    statements.put(write.sql(), statement);
                }
                Object[] args = write.args();
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.addBatch();
                last = write.sql();
            }
            if (last != null) {
                statements.get(last).executeBatch();
            }
        } finally {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
        }
    }

    /** A new connection of the store's own, outside the pool: for one that must outlive a unit (the shares'). */
    Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (database.user() != null) {
            properties.setProperty("user", database.user());
        }
        if (database.password() != null) {
            properties.setProperty("password", database.password().reveal());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "fast-ci " + replica.substring(0, 8));
        // Never the driver's service loader alone: in the server jar, a shaded driver is found by name too.
        DriverManager.registerDriver(new org.postgresql.Driver());
        Connection connection = DriverManager.getConnection(database.url(), properties);
        connection.setAutoCommit(false);
        return connection;
    }

    /** A connection that listens on {@link #CHANNEL}, each statement its own transaction. */
    private Connection listener() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("LISTEN " + CHANNEL);
            statement.execute("LISTEN " + WANTS);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    /** Listens for the other replicas' changes, and renews this replica's lease, until closed. */
    private void listen() {
        long renewed = System.nanoTime();
        while (!closed) {
            try {
                if (listening.isClosed()) {
                    listening = listener(); // the database came back: listen again, and renew at once
                    renew();
                }
                PGNotification[] notifications =
                        listening.unwrap(PGConnection.class).getNotifications((int) HEARTBEAT.toMillis() / 2);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        if (WANTS.equals(notification.getName())) {
                            wanted(notification.getParameter());
                        } else {
                            told(notification.getParameter());
                        }
                    }
                }
                if (System.nanoTime() - renewed >= HEARTBEAT.toNanos()) {
                    renew();
                    renewed = System.nanoTime();
                }
            } catch (SQLException | StoreFailure e) {
                if (closed) {
                    return;
                }
                // The next round tries again, on a new connection if this one broke; meanwhile the lease may lapse,
                // and the others take this one's nodes for away. Bounded: one try per heartbeat.
                try {
                    if (!listening.isValid(1)) {
                        closeQuietly(listening);
                    }
                    Thread.sleep(HEARTBEAT.toMillis() / 2);
                } catch (SQLException | InterruptedException again) {
                    if (closed) {
                        return;
                    }
                }
                renewed = System.nanoTime();
            }
        }
    }

    /** A notification: another replica's change of a run ({@code <replica> <topic>}); this one's own are not news. */
    private void told(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0 && !payload.substring(0, space).equals(replica)) {
            tell(payload.substring(space + 1));
        }
    }

    /** Another replica waits for a run's lock, which this one may hold. */
    private void wanted(String payload) {
        int space = payload.indexOf(' ');
        if (space > 0 && !payload.substring(0, space).equals(replica)) {
            PgRun run = runs.get(payload.substring(space + 1));
            if (run != null) {
                run.wanted();
            }
        }
    }

    private void tell(String topic) {
        tell(changes, topic);
    }

    private void tell(List<Consumer<String>> listeners, String topic) {
        String key = (listeners == changes ? "change " : "death ") + topic;
        synchronized (telling) {
            if (telling.containsKey(key)) {
                telling.put(key, true); // told again once the telling under way is done
                return;
            }
            telling.put(key, false);
        }
        teller.execute(() -> {
            do {
                for (Consumer<String> change : listeners) {
                    try {
                        change.accept(topic);
                    } catch (RuntimeException e) {
                        // One run's trouble (the database gone a moment) must not stop the others' wake-ups.
                    }
                }
            } while (toldAgain(key));
        });
    }

    /** Whether {@code key} was told again while its listeners were told; forgets it when not. */
    private boolean toldAgain(String key) {
        synchronized (telling) {
            if (telling.get(key)) {
                telling.put(key, false);
                return true;
            }
            telling.remove(key);
            return false;
        }
    }

    /** Renews this replica's lease and reads the others': a replica found dead since the last read bumps deaths. */
    private void renew() throws SQLException {
        try (PreparedStatement statement = listening.prepareStatement(
                "INSERT INTO replicas (id, seen_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET seen_at ="
                        + " excluded.seen_at")) {
            statement.setString(1, replica);
            statement.setLong(2, wallMillis());
            statement.executeUpdate();
        }
        Map<String, Long> read = new HashMap<>();
        query(
                listening,
                "SELECT id, seen_at FROM replicas",
                List.of(),
                row -> read.put(row.getString(1), row.getLong(2)));
        long now = wallMillis();
        List<String> died = new ArrayList<>();
        for (Map.Entry<String, Long> lease : read.entrySet()) {
            boolean deadNow = now - lease.getValue() >= LEASE.toMillis();
            Long before = leases.get(lease.getKey());
            boolean deadBefore = before != null && now - before >= LEASE.toMillis();
            if (deadNow && !deadBefore && !lease.getKey().equals(replica)) {
                died.add(lease.getKey());
            }
        }
        leases = Map.copyOf(read);
        // Replicas dead for long whose nodes are all forgotten: nothing reads their lease again.
        try (PreparedStatement forget = listening.prepareStatement("DELETE FROM replicas WHERE seen_at < ? AND id <> ?"
                + " AND NOT EXISTS (SELECT 1 FROM nodes WHERE nodes.replica = replicas.id)")) {
            forget.setLong(1, now - FORGOTTEN.toMillis());
            forget.setString(2, replica);
            forget.executeUpdate();
        }
        if (!died.isEmpty()) {
            deaths.incrementAndGet();
            // The runs with nodes on a dead replica: their nodes are away now, and some replica must give up on them;
            // those that were away already too, whose grace only the dead replica was timing.
            Set<String> orphaned = new java.util.TreeSet<>();
            for (String dead : died) {
                query(
                        listening,
                        "SELECT DISTINCT topic FROM nodes WHERE replica = ?",
                        List.of(dead),
                        row -> orphaned.add(row.getString(1)));
            }
            orphaned.forEach(topic -> tell(deathTold, topic));
        }
    }

    private void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
            for (String resource : List.of("schema.sql", "pg-schema.sql")) {
                for (String sql : statements(resource)) {
                    Matcher added = ADDED_COLUMN.matcher(sql);
                    if (!added.matches() || !hasColumn(connection, added.group(1), added.group(2))) {
                        statement.execute(sql);
                    }
                }
            }
        }
        connection.commit();
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?")) {
            query.setString(1, table.toLowerCase(Locale.ROOT));
            query.setString(2, column.toLowerCase(Locale.ROOT));
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static List<String> statements(String resource) throws SQLException {
        String text;
        try (InputStream in = PgStore.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new SQLException("the plugin's jar lacks " + resource + ": its installation is broken");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot read " + resource + ": " + e.getMessage(), e);
        }
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            String sql = paragraph
                    .lines()
                    .filter(line -> !line.startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b)
                    .strip();
            if (!sql.isEmpty()) {
                out.add(sql);
            }
        }
        return out;
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing: nothing more to do with it.
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
