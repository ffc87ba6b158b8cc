package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The timing history of a {@link SqlStore}, by run key: read from the file once, kept in memory (a
 * {@link RunKeyTimings}), and each record written after the units of work committed by then, with the store's next
 * group of few writes ({@link SqlStore#history}); {@link #save} commits what is pending.
 * Thread-safe.
 */
public final class SqlTimings extends WrittenTimings {
    /** The meta row that says a timings file was taken in: it is taken in once. */
    private static final String IMPORTED = "timings_file_imported";

    private final SqlStore store;

    SqlTimings(SqlStore store) {
        this.store = store;
        Map<String, Map<String, String>> contexts = new HashMap<>();
        store.query("SELECT run_key, class_name, seconds, failed, context FROM timings", List.of(), row -> {
            double seconds = row.getDouble(3);
            if (!row.wasNull()) {
                memory.record(row.getString(1), row.getString(2), seconds, row.getLong(4) != 0);
            }
            String context = row.getString(5);
            if (context != null) {
                contexts.computeIfAbsent(row.getString(1), k -> new HashMap<>()).put(row.getString(2), context);
            }
        });
        contexts.forEach(memory::recordContexts);
    }

    /**
     * Takes in the history of {@code file}, a timings file of an earlier {@code fast-ci:serve} ({@link RunKeyTimings}'
     * form), once: the first store that finds it takes it in, and no later start reads it again. What it holds for no
     * run key (the earliest, unkeyed form) is not taken in.
     *
     * @return how many classes were taken in; 0 when none was (no file, or taken in before)
     */
    public int importOnce(Path file, Consumer<String> warn) {
        boolean[] done = {false};
        store.query("SELECT value FROM fast_ci_meta WHERE name = ?", List.of(IMPORTED), row -> done[0] = true);
        if (done[0] || !Files.isRegularFile(file)) {
            return 0;
        }
        RunKeyTimings old = RunKeyTimings.load(file, warn);
        int classes = 0;
        for (Map.Entry<String, Map<String, Double>> runKey : old.snapshot().entrySet()) {
            Set<String> keys = runKey.getValue().keySet();
            Set<String> failed = old.failed(runKey.getKey(), keys);
            for (Map.Entry<String, Double> entry : runKey.getValue().entrySet()) {
                record(runKey.getKey(), entry.getKey(), entry.getValue(), failed.contains(entry.getKey()));
                classes++;
            }
            recordContexts(runKey.getKey(), old.contexts(runKey.getKey(), keys));
        }
        // After the rows it marks, which follow the units of work: a kill between them must leave the import undone.
        store.history(Write.of(
                "INSERT INTO fast_ci_meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                IMPORTED,
                file.toString()));
        store.commit(List.of());
        return classes;
    }

    @Override
    public Map<String, Double> estimates(String runKey, Collection<String> keys) {
        return memory.estimates(runKey, keys);
    }

    @Override
    protected void later(Write write) {
        store.history(write);
    }

    /** Commits the records not yet written with a unit of work. */
    @Override
    public void save() {
        store.commit(List.of());
    }

    /** The last duration of every class of every run key, as {@link RunKeyTimings#snapshot}. */
    public Map<String, Map<String, Double>> snapshot() {
        return memory.snapshot();
    }
}
