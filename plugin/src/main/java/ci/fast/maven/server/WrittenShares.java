package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Row;
import ci.fast.maven.server.SqlStore.Write;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link SqlShares} and {@link PgShares} share: the rows a node's share is kept in (schema.sql's share tables),
 * which rows each record writes and in what order, how the builds beyond the bound are forgotten, and how a share is
 * read back. Where a row's position comes from is the subclass's ({@link #positioned}): SQLite's store counts them,
 * PostgreSQL's replicas take them from one sequence.
 */
abstract class WrittenShares implements NodeShares {
    /** Where {@link #positioned}'s SQL has the row's position. */
    static final String POSITION = "{position}";

    private final int builds;
    /** The builds written to by this process; guarded by the subclass's lock. */
    private final Set<String> seen = new HashSet<>();

    WrittenShares(int builds) {
        if (builds < 1) {
            throw new IllegalArgumentException("a store keeps the shares of at least 1 build, not " + builds);
        }
        this.builds = builds;
    }

    /** {@code sql}, whose {@link #POSITION} stands for the row's position, as a write with the next position. */
    protected abstract Write positioned(String sql, Object... args);

    /** A query on the store, handing each row of its answer on. */
    @FunctionalInterface
    interface Query {
        void run(String sql, List<Object> args, Row row) throws SQLException;
    }

    /** The writes that record {@code classes} handed out to {@code node}. */
    protected List<Write> handedOutWrites(CiNode node, List<String> classes) {
        List<Write> writes = new ArrayList<>(recorded(node));
        writes.add(Write.of(
                "INSERT INTO share_machines (lineage, node, attempt, machine) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (lineage, node, attempt, machine) DO NOTHING",
                node.lineage(),
                node.node(),
                node.attempt(),
                node.machine()));
        for (String key : classes) {
            writes.add(classRow("share_classes", node, key));
        }
        writes.addAll(forgetBeyondBound(node.lineage()));
        return writes;
    }

    /** The writes that record that {@code key} failed on {@code node}. */
    protected List<Write> failedWrites(CiNode node, String key) {
        List<Write> writes = new ArrayList<>(recorded(node));
        writes.add(classRow("share_failed", node, key));
        writes.addAll(forgetBeyondBound(node.lineage()));
        return writes;
    }

    /** A row of {@code table} (share_classes or share_failed) naming {@code key} for {@code node}, kept once. */
    private Write classRow(String table, CiNode node, String key) {
        return positioned(
                "INSERT INTO " + table + " (lineage, node, attempt, class_name, position) VALUES (?, ?, ?, ?, "
                        + POSITION + ") ON CONFLICT (lineage, node, attempt, class_name) DO NOTHING",
                node.lineage(),
                node.node(),
                node.attempt(),
                key);
    }

    /** The write that makes {@code lineage} the build used last. */
    protected Write used(String lineage) {
        return positioned(
                "INSERT INTO share_builds (lineage, used) VALUES (?, " + POSITION + ")"
                        + " ON CONFLICT (lineage) DO UPDATE SET used = excluded.used",
                lineage);
    }

    /** {@code node}'s attempts, the last first. */
    protected static List<String> attempts(Query query, String lineage, String node) throws SQLException {
        List<String> attempts = new ArrayList<>();
        query.run(
                "SELECT attempt FROM share_attempts WHERE lineage = ? AND node = ? ORDER BY position DESC",
                List.of(lineage, node),
                row -> attempts.add(row.getString(1)));
        return attempts;
    }

    /** The share of {@code node}'s attempt {@code attempt}, as recorded. */
    protected static NodeShare share(Query query, String lineage, String node, String attempt) throws SQLException {
        List<Object> of = List.of(lineage, node, attempt);
        List<String> classes = new ArrayList<>();
        query.run(
                "SELECT class_name FROM share_classes WHERE lineage = ? AND node = ? AND attempt = ? ORDER BY position",
                of,
                row -> classes.add(row.getString(1)));
        List<String> failed = new ArrayList<>();
        query.run(
                "SELECT class_name FROM share_failed WHERE lineage = ? AND node = ? AND attempt = ? ORDER BY position",
                of,
                row -> failed.add(row.getString(1)));
        Set<String> machines = new HashSet<>();
        query.run(
                "SELECT machine FROM share_machines WHERE lineage = ? AND node = ? AND attempt = ?",
                of,
                row -> machines.add(row.getString(1)));
        return new NodeShare(attempt, classes, failed, machines.size());
    }

    /** The last of {@code attempts} that is not {@code attempt}. */
    protected static Optional<String> lastBefore(List<String> attempts, String attempt) {
        return attempts.stream().filter(id -> !id.equals(attempt)).findFirst();
    }

    private List<Write> recorded(CiNode node) {
        return List.of(
                used(node.lineage()),
                positioned(
                        "INSERT INTO share_attempts (lineage, node, attempt, position) VALUES (?, ?, ?, " + POSITION
                                + ") ON CONFLICT (lineage, node, attempt) DO NOTHING",
                        node.lineage(),
                        node.node(),
                        node.attempt()));
    }

    /**
     * Forgets the builds used least recently beyond the bound, with everything of them, when {@code lineage} is one
     * this process has not written to yet: only a new build can take the store past it.
     */
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
}
