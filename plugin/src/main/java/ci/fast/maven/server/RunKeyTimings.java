package ci.fast.maven.server;

import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A server's timing history for every run key it serves ({@code fast-ci:serve}), one {@link Timings} per run key.
 * Kept in a JSON file between runs when it has one: {@code {"run_keys": {"junit": {"com.acme.ATest": 1.25}}}}, each
 * run key's classes in {@link Timings}' form.
 *
 * <p>A file of the earlier form, one map of classes for every project ({@code {"com.acme.ATest": 1.25}}), still
 * loads: it is the history each run key starts from until it has its own, and is written back as {@code "shared"}.
 */
public final class RunKeyTimings implements TimingHistory {
    private static final String RUN_KEYS = "run_keys";
    private static final String SHARED = "shared";

    private final Map<String, Timings> byRunKey = new ConcurrentHashMap<>();
    /** The history of the earlier, unkeyed file: what a run key without its own starts from. Never null. */
    private final Timings shared;
    /** Where the history is kept; null when only in memory. */
    private final Path file;

    private RunKeyTimings(Map<String, Timings> byRunKey, Timings shared, Path file) {
        this.byRunKey.putAll(byRunKey);
        this.shared = shared;
        this.file = file;
    }

    /** A history kept in memory only, empty. */
    public static RunKeyTimings inMemory() {
        return new RunKeyTimings(Map.of(), Timings.of(Map.of()), null);
    }

    /**
     * The history kept in {@code file}: none if it does not exist; a file that cannot be read is reported to
     * {@code warn} and ignored, never a failure (the next save replaces it).
     */
    public static RunKeyTimings load(Path file, Consumer<String> warn) {
        if (!Files.isRegularFile(file)) {
            return new RunKeyTimings(Map.of(), Timings.of(Map.of()), file);
        }
        try {
            JsonObject object =
                    Json.parse(Files.readString(file, StandardCharsets.UTF_8)).asJsonObject();
            if (!(object.get(RUN_KEYS) instanceof JsonObject runKeys)) {
                return new RunKeyTimings(Map.of(), Timings.read(object, null), file); // the earlier form
            }
            Map<String, Timings> byRunKey = new TreeMap<>();
            runKeys.forEach((runKey, value) -> {
                if (value instanceof JsonObject classes) {
                    byRunKey.put(runKey, Timings.read(classes, null));
                }
            });
            JsonValue shared = object.get(SHARED);
            return new RunKeyTimings(
                    byRunKey, shared instanceof JsonObject s ? Timings.read(s, null) : Timings.of(Map.of()), file);
        } catch (IOException | RuntimeException e) {
            warn.accept("fast-ci ignores the timings file " + file + ", which cannot be read (" + e.getMessage()
                    + "); it is rewritten after this run");
            return new RunKeyTimings(Map.of(), Timings.of(Map.of()), file);
        }
    }

    @Override
    public Map<String, Double> estimates(String runKey, Collection<String> keys) {
        return of(runKey).estimates(keys);
    }

    @Override
    public Set<String> failed(String runKey, Collection<String> keys) {
        return of(runKey).failed(keys);
    }

    @Override
    public Map<String, String> contexts(String runKey, Collection<String> keys) {
        return of(runKey).contexts(keys);
    }

    @Override
    public void recordContexts(String runKey, Map<String, String> contexts) {
        of(runKey).recordContexts(contexts);
    }

    @Override
    public void record(String runKey, String key, double seconds, boolean failed) {
        of(runKey).record(key, seconds, failed);
    }

    /** The last duration of every class of every run key, sorted by run key and class. */
    public Map<String, Map<String, Double>> snapshot() {
        Map<String, Map<String, Double>> snapshot = new TreeMap<>();
        byRunKey.forEach((runKey, timings) -> snapshot.put(runKey, timings.snapshot()));
        return snapshot;
    }

    /** Writes the history to its file, if it has one; atomically, so a reader never sees half a file. */
    @Override
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        JsonObjectBuilder runKeys = Json.PROVIDER.createObjectBuilder();
        new TreeMap<>(byRunKey).forEach((runKey, timings) -> runKeys.add(runKey, timings.toJson()));
        JsonObjectBuilder all = Json.PROVIDER.createObjectBuilder().add(RUN_KEYS, runKeys);
        if (!shared.snapshot().isEmpty()) {
            all.add(SHARED, shared.toJson());
        }
        Timings.writeAtomically(file, all.build().toString() + "\n");
    }

    private Timings of(String runKey) {
        return byRunKey.computeIfAbsent(runKey, k -> Timings.copyOf(shared));
    }
}
