package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link NodeShares} in a {@link PgStore}, shared by its replicas: the shares of the {@code builds} builds last written
 * to or asked about, the others forgotten, as {@link MemoryShares} does. Each record is written at once, in a
 * transaction of its own on a connection of its own (never inside a run's unit of work, whose row lock it would
 * stretch, nor on the pool a unit holds a connection of); the positions come from a database sequence, so that every
 * replica's records are in one order. Thread-safe: this object's lock guards its connection.
 */
final class PgShares extends WrittenShares implements AutoCloseable {
    private final PgStore store;
    /**
     * The shares' connection of their own; null after a failure that may have ended its session (the database
     * restarted, say), and opened again by the next call. Guarded by this.
     */
    private Connection connection;

    PgShares(PgStore store, Connection connection, int builds) {
        super(builds);
        this.store = store;
        this.connection = connection;
    }

    @Override
    public synchronized void handedOut(CiNode node, List<String> classes) {
        write(handedOutWrites(node, classes));
    }

    @Override
    public synchronized void failed(CiNode node, String key) {
        write(failedWrites(node, key));
    }

    @Override
    public synchronized Optional<NodeShare> earlier(String lineage, String node, String attempt) {
        try {
            Connection connection = connection();
            WrittenShares.Query query = (sql, args, row) -> PgStore.query(connection, sql, args, row);
            List<String> attempts = attempts(query, lineage, node);
            Optional<String> last = lastBefore(attempts, attempt);
            if (last.isEmpty()) {
                connection.commit();
                if (!attempts.isEmpty()) {
                    write(List.of(used(lineage)));
                }
                return Optional.empty();
            }
            NodeShare share = share(query, lineage, node, last.get());
            connection.commit();
            write(List.of(used(lineage))); // asked about: as recent as written to
            return Optional.of(share);
        } catch (SQLException e) {
            drop();
            throw store.failure("read the nodes' shares from", e);
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            PgStore.closeQuietly(connection);
            connection = null;
        }
    }

    /** The position from the database's sequence, so that every replica's records are in one order. */
    @Override
    protected Write positioned(String sql, Object... args) {
        return Write.of(sql.replace(POSITION, "nextval('share_position')"), args);
    }

    /**
     * Writes {@code writes} in one transaction. Two replicas recording one build's shares at once may deadlock on its
     * rows, and PostgreSQL then aborts one; a connection whose session ended (the database restarted) is opened again:
     * either way, the writes are written again, once.
     */
    private void write(List<Write> writes) {
        for (int attempt = 1; ; attempt++) {
            try {
                Connection connection = connection();
                PgStore.execute(connection, writes);
                connection.commit();
                return;
            } catch (SQLException e) {
                drop();
                String state = String.valueOf(e.getSQLState());
                boolean retry = state.equals("40P01") || state.equals("40001") || sessionEnded(state);
                if (!retry || attempt >= 2) {
                    throw store.failure("write the nodes' shares to", e);
                }
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = store.connect();
        }
        return connection;
    }

    /**
     * Closes the connection after a failure: its transaction ends with it, and the next call opens another (a fresh
     * session costs a round trip, and failures are rare).
     */
    private void drop() {
        if (connection != null) {
            PgStore.closeQuietly(connection);
            connection = null;
        }
    }

    /** Whether {@code state} says the session ended: a connection failure (08…) or the server shutting down (57P…). */
    private static boolean sessionEnded(String state) {
        return state.startsWith("08") || state.startsWith("57P");
    }
}
