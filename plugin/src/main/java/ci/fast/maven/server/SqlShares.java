package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@link NodeShares} in a {@link SqlStore}: the shares of the {@code builds} builds last written to or asked about, the
 * others forgotten, as {@link MemoryShares} does. What is recorded is written with the next unit of work's commit (the
 * runs that record it commit before they answer), and read from the file. Thread-safe: the store's lock guards it.
 */
final class SqlShares extends WrittenShares {
    private final SqlStore store;

    SqlShares(SqlStore store, int builds) {
        super(builds);
        this.store = store;
    }

    @Override
    public void handedOut(CiNode node, List<String> classes) {
        synchronized (store) {
            handedOutWrites(node, classes).forEach(store::later);
        }
    }

    @Override
    public void failed(CiNode node, String key) {
        synchronized (store) {
            failedWrites(node, key).forEach(store::later);
        }
    }

    @Override
    public Optional<NodeShare> earlier(String lineage, String node, String attempt) {
        // Written out before the lock: under it, a flush would wait for a writer that needs the lock.
        store.flush();
        synchronized (store) {
            try {
                List<String> attempts = attempts(store::read, lineage, node);
                if (attempts.isEmpty()) {
                    return Optional.empty();
                }
                store.later(used(lineage)); // asked about: as recent as written to
                Optional<String> last = lastBefore(attempts, attempt);
                if (last.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(share(store::read, lineage, node, last.get()));
            } catch (SQLException e) {
                throw new IllegalStateException("SqlStore.read throws no SQLException", e);
            }
        }
    }

    /** The position as the next argument, counted by the store (under its lock). */
    @Override
    protected Write positioned(String sql, Object... args) {
        Object[] all = Arrays.copyOf(args, args.length + 1);
        all[args.length] = store.nextPosition();
        return Write.of(sql.replace(POSITION, "?"), all);
    }
}
