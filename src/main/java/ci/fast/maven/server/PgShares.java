package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link NodeShares} in a {@link PgStore}, shared by its replicas: the shares of the {@code builds} builds last written
 * to or asked about, the others forgotten, as {@link MemoryShares} does. Each record is written at once, in a
 * transaction of its own on a connection of its own (never inside a run's unit of work, whose row lock it would
 * stretch, nor on the pool a unit holds a connection of); the positions come from a database sequence, so that every
 * replica's records are in one order. Thread-safe: this object's lock guards its connection.
 */
final class PgShares implements NodeShares, AutoCloseable {
    private static final String NEXT = "nextval('share_position')";

    private final PgStore store;
    private final Connection connection;
    private final int builds;
    /** The builds written to by this process; guarded by this. */
    private final Set<String> seen = new HashSet<>();

    PgShares(PgStore store, Connection connection, int builds) {
        if (builds < 1) {
            throw new IllegalArgumentException("a store keeps the shares of at least 1 build, not " + builds);
        }
        this.store = store;
        this.connection = connection;
        this.builds = builds;
    }

    @Override
    public synchronized void handedOut(CiNode node, List<String> classes) {
        List<Write> writes = new ArrayList<>(recorded(node));
        writes.add(Write.of(
                "INSERT INTO share_machines (lineage, node, attempt, machine) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (lineage, node, attempt, machine) DO NOTHING",
                node.lineage(),
                node.node(),
                node.attempt(),
                node.machine()));
        for (String key : classes) {
            writes.add(Write.of(
                    "INSERT INTO share_classes (lineage, node, attempt, class_name, position) VALUES (?, ?, ?, ?, "
                            + NEXT + ") ON CONFLICT (lineage, node, attempt, class_name) DO NOTHING",
                    node.lineage(),
                    node.node(),
                    node.attempt(),
                    key));
        }
        writes.addAll(forgetBeyondBound(node.lineage()));
        write(writes);
    }

    @Override
    public synchronized void failed(CiNode node, String key) {
        List<Write> writes = new ArrayList<>(recorded(node));
        writes.add(Write.of(
                "INSERT INTO share_failed (lineage, node, attempt, class_name, position) VALUES (?, ?, ?, ?, " + NEXT
                        + ") ON CONFLICT (lineage, node, attempt, class_name) DO NOTHING",
                node.lineage(),
                node.node(),
                node.attempt(),
                key));
        writes.addAll(forgetBeyondBound(node.lineage()));
        write(writes);
    }

    @Override
    public synchronized Optional<NodeShare> earlier(String lineage, String node, String attempt) {
        try {
            List<String> attempts = new ArrayList<>();
            PgStore.query(
                    connection,
                    "SELECT attempt FROM share_attempts WHERE lineage = ? AND node = ? ORDER BY position DESC",
                    List.of(lineage, node),
                    row -> attempts.add(row.getString(1)));
            Optional<String> last =
                    attempts.stream().filter(id -> !id.equals(attempt)).findFirst();
            if (last.isEmpty()) {
                connection.commit();
                if (!attempts.isEmpty()) {
                    write(List.of(used(lineage)));
                }
                return Optional.empty();
            }
            List<Object> of = List.of(lineage, node, last.get());
            List<String> classes = new ArrayList<>();
            PgStore.query(
                    connection,
                    "SELECT class_name FROM share_classes WHERE lineage = ? AND node = ? AND attempt = ?"
                            + " ORDER BY position",
                    of,
                    row -> classes.add(row.getString(1)));
            List<String> failed = new ArrayList<>();
            PgStore.query(
                    connection,
                    "SELECT class_name FROM share_failed WHERE lineage = ? AND node = ? AND attempt = ?"
                            + " ORDER BY position",
                    of,
                    row -> failed.add(row.getString(1)));
            Set<String> machines = new HashSet<>();
            PgStore.query(
                    connection,
                    "SELECT machine FROM share_machines WHERE lineage = ? AND node = ? AND attempt = ?",
                    of,
                    row -> machines.add(row.getString(1)));
            connection.commit();
            write(List.of(used(lineage))); // asked about: as recent as written to
            return Optional.of(new NodeShare(last.get(), classes, failed, machines.size()));
        } catch (SQLException e) {
            rollback();
            throw store.failure("read the nodes' shares from", e);
        }
    }

    @Override
    public synchronized void close() {
        PgStore.closeQuietly(connection);
    }

    private List<Write> recorded(CiNode node) {
        return List.of(
                used(node.lineage()),
                Write.of(
                        "INSERT INTO share_attempts (lineage, node, attempt, position) VALUES (?, ?, ?, " + NEXT
                                + ") ON CONFLICT (lineage, node, attempt) DO NOTHING",
                        node.lineage(),
                        node.node(),
                        node.attempt()));
    }

    private static Write used(String lineage) {
        return Write.of(
                "INSERT INTO share_builds (lineage, used) VALUES (?, " + NEXT + ")"
                        + " ON CONFLICT (lineage) DO UPDATE SET used = excluded.used",
                lineage);
    }

    /** Forgets the builds used least recently beyond the bound when {@code lineage} is new to this process. */
    private List<Write> forgetBeyondBound(String lineage) {
        if (!seen.add(lineage)) {
            return List.of();
        }
        List<Write> writes = new ArrayList<>();
        writes.add(Write.of(
                "DELETE FROM share_builds WHERE lineage NOT IN"
                        + " (SELECT lineage FROM share_builds ORDER BY used DESC LIMIT ?)",
                builds));
        for (String table : List.of("share_attempts", "share_classes", "share_failed", "share_machines")) {
            writes.add(Write.of("DELETE FROM " + table + " WHERE lineage NOT IN (SELECT lineage FROM share_builds)"));
        }
        return writes;
    }

    /**
     * Writes {@code writes} in one transaction. Two replicas recording one build's shares at once may deadlock on its
     * rows, and PostgreSQL then aborts one: that one is written again, once.
     */
    private void write(List<Write> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                PgStore.execute(connection, writes);
                connection.commit();
                return;
            } catch (SQLException e) {
                rollback();
                boolean retry = "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
                if (!retry || attempt >= 2) {
                    throw store.failure("write the nodes' shares to", e);
                }
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The next statement finds out.
        }
    }
}
