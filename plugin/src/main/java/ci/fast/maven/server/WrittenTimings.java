package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What {@link SqlTimings} and {@link PgTimings} share: the history kept in memory (a {@link RunKeyTimings}) and each
 * record also kept as a write of the timings table, which the subclass writes when its store does. Thread-safe.
 */
abstract class WrittenTimings implements TimingHistory {
    /** One class's last duration: written for every result, so {@link SqlRows} merges a run of them into one. */
    static final String RECORD = "INSERT INTO timings (run_key, class_name, seconds, failed) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (run_key, class_name) DO UPDATE SET seconds = excluded.seconds, failed = excluded.failed";

    /** The history as this process knows it. */
    protected final RunKeyTimings memory = RunKeyTimings.inMemory();

    /** Keeps {@code write} for the next time this history is written. */
    protected abstract void later(Write write);

    @Override
    public Set<String> failed(String runKey, Collection<String> keys) {
        return memory.failed(runKey, keys);
    }

    @Override
    public Map<String, String> contexts(String runKey, Collection<String> keys) {
        return memory.contexts(runKey, keys);
    }

    @Override
    public void recordContexts(String runKey, Map<String, String> contexts) {
        memory.recordContexts(runKey, contexts);
        contexts.forEach((key, context) -> {
            if (context != null && !context.isEmpty()) {
                later(Write.of(
                        "INSERT INTO timings (run_key, class_name, context) VALUES (?, ?, ?)"
                                + " ON CONFLICT (run_key, class_name) DO UPDATE SET context = excluded.context",
                        runKey,
                        key,
                        context));
            }
        });
    }

    @Override
    public void record(String runKey, String key, double seconds, boolean failed) {
        memory.record(runKey, key, seconds, failed);
        if (seconds >= 0 && Double.isFinite(seconds)) { // what Timings keeps
            later(Write.of(RECORD, runKey, key, seconds, failed ? 1 : 0));
        }
    }
}
