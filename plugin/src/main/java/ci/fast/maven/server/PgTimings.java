package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The timing history of a {@link PgStore}, by run key, shared by its replicas: a run key's history is read from the
 * database when a run of it enqueues (what the other replicas recorded counts), kept in memory (a
 * {@link RunKeyTimings}), and each record written within a heartbeat of the store or at {@link #save}. Thread-safe.
 */
public final class PgTimings extends WrittenTimings {
    private final PgStore store;
    /** The records not yet written, in order; guarded by this. */
    private List<Write> pending = new ArrayList<>();

    PgTimings(PgStore store) {
        this.store = store;
    }

    /** Reads {@code runKey}'s history back first: the enq that asks is about to order its queue by it. */
    @Override
    public Map<String, Double> estimates(String runKey, Collection<String> keys) {
        flush();
        Map<String, String> contexts = new HashMap<>();
        store.read(
                "SELECT class_name, seconds, failed, context FROM timings WHERE run_key = ?", List.of(runKey), row -> {
                    double seconds = row.getDouble(2);
                    if (!row.wasNull()) {
                        memory.record(runKey, row.getString(1), seconds, row.getLong(3) != 0);
                    }
                    String context = row.getString(4);
                    if (context != null) {
                        contexts.put(row.getString(1), context);
                    }
                });
        memory.recordContexts(runKey, contexts);
        return memory.estimates(runKey, keys);
    }

    /** Writes the records not yet written. */
    @Override
    public void save() {
        flush();
    }

    /** Writes the records not yet written, in one transaction. */
    void flush() {
        List<Write> writes;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            writes = pending;
            pending = new ArrayList<>();
        }
        Connection connection = store.take();
        try {
            PgStore.execute(connection, writes);
            connection.commit();
            store.give(connection);
        } catch (SQLException e) {
            store.discard(connection);
            throw store.failure("write the timings to", e);
        }
    }

    @Override
    protected synchronized void later(Write write) {
        pending.add(write);
    }
}
