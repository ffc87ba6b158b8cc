package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link NodeShares} in a {@link SqlStore}: the shares of the {@code builds} builds last written to or asked about, the
 * others forgotten, as {@link MemoryShares} does. What is recorded is written with the next unit of work's commit (the
 * runs that record it commit before they answer), and read from the file. Thread-safe: the store's lock guards it.
 */
final class SqlShares implements NodeShares {
    private static final String ATTEMPT = "INSERT INTO share_attempts (lineage, node, attempt, position)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (lineage, node, attempt) DO NOTHING";

    private final SqlStore store;
    private final int builds;
    /** The builds written to by this process; guarded by the store's lock. */
    private final Set<String> seen = new HashSet<>();

    SqlShares(SqlStore store, int builds) {
        if (builds < 1) {
            throw new IllegalArgumentException("a store keeps the shares of at least 1 build, not " + builds);
        }
        this.store = store;
        this.builds = builds;
    }

    @Override
    public void handedOut(CiNode node, List<String> classes) {
        synchronized (store) {
            used(node.lineage());
            attempt(node);
            store.later(Write.of(
                    "INSERT INTO share_machines (lineage, node, attempt, machine) VALUES (?, ?, ?, ?)"
                            + " ON CONFLICT (lineage, node, attempt, machine) DO NOTHING",
                    node.lineage(),
                    node.node(),
                    node.attempt(),
                    node.machine()));
            for (String key : classes) {
                store.later(Write.of(
                        "INSERT INTO share_classes (lineage, node, attempt, class_name, position) VALUES (?, ?, ?, ?, ?)"
                                + " ON CONFLICT (lineage, node, attempt, class_name) DO NOTHING",
                        node.lineage(),
                        node.node(),
                        node.attempt(),
                        key,
                        store.nextPosition()));
            }
            forgetBeyondBound(node.lineage());
        }
    }

    @Override
    public void failed(CiNode node, String key) {
        synchronized (store) {
            used(node.lineage());
            attempt(node);
            store.later(Write.of(
                    "INSERT INTO share_failed (lineage, node, attempt, class_name, position) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (lineage, node, attempt, class_name) DO NOTHING",
                    node.lineage(),
                    node.node(),
                    node.attempt(),
                    key,
                    store.nextPosition()));
            forgetBeyondBound(node.lineage());
        }
    }

    @Override
    public Optional<NodeShare> earlier(String lineage, String node, String attempt) {
        // Written out before the lock: under it, a flush would wait for a writer that needs the lock.
        store.flush();
        synchronized (store) {
            List<String> attempts = new ArrayList<>();
            store.read(
                    "SELECT attempt FROM share_attempts WHERE lineage = ? AND node = ? ORDER BY position DESC",
                    List.of(lineage, node),
                    row -> attempts.add(row.getString(1)));
            if (attempts.isEmpty()) {
                return Optional.empty();
            }
            used(lineage); // asked about: as recent as written to
            Optional<String> last =
                    attempts.stream().filter(id -> !id.equals(attempt)).findFirst();
            if (last.isEmpty()) {
                return Optional.empty();
            }
            List<Object> of = List.of(lineage, node, last.get());
            List<String> classes = new ArrayList<>();
            store.read(
                    "SELECT class_name FROM share_classes WHERE lineage = ? AND node = ? AND attempt = ?"
                            + " ORDER BY position",
                    of,
                    row -> classes.add(row.getString(1)));
            List<String> failed = new ArrayList<>();
            store.read(
                    "SELECT class_name FROM share_failed WHERE lineage = ? AND node = ? AND attempt = ?"
                            + " ORDER BY position",
                    of,
                    row -> failed.add(row.getString(1)));
            Set<String> machines = new HashSet<>();
            store.read(
                    "SELECT machine FROM share_machines WHERE lineage = ? AND node = ? AND attempt = ?",
                    of,
                    row -> machines.add(row.getString(1)));
            return Optional.of(new NodeShare(last.get(), classes, failed, machines.size()));
        }
    }

    private void used(String lineage) {
        store.later(Write.of(
                "INSERT INTO share_builds (lineage, used) VALUES (?, ?)"
                        + " ON CONFLICT (lineage) DO UPDATE SET used = excluded.used",
                lineage,
                store.nextPosition()));
    }

    private void attempt(CiNode node) {
        store.later(Write.of(ATTEMPT, node.lineage(), node.node(), node.attempt(), store.nextPosition()));
    }

    /**
     * Forgets the builds used least recently beyond the bound, with everything of them, when {@code lineage} is one
     * this process has not written to yet: only a new build can take the store past it.
     */
    private void forgetBeyondBound(String lineage) {
        if (!seen.add(lineage)) {
            return;
        }
        store.later(Write.of(
                "DELETE FROM share_builds WHERE lineage NOT IN"
                        + " (SELECT lineage FROM share_builds ORDER BY used DESC LIMIT ?)",
                builds));
        for (String table : List.of("share_attempts", "share_classes", "share_failed", "share_machines")) {
            store.later(Write.of("DELETE FROM " + table + " WHERE lineage NOT IN (SELECT lineage FROM share_builds)"));
        }
    }
}
