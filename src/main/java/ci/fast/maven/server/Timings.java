package ci.fast.maven.server;

import ci.fast.maven.channel.Json;
import ci.fast.maven.files.AtomicFile;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Each test class's last duration in seconds, by class name, for one project's run key (a local run's history; a
 * server keeps one per run key, {@link RunKeyTimings}): what the server orders the queue and sizes batches by.
 * Thread-safe. Kept in a JSON file ({@code {"com.acme.ATest": 1.25, …}}) between runs when it has one.
 */
public final class Timings {
    /** The estimate of every class when no class of a run has a history. */
    static final double NO_HISTORY = 1.0;

    private final Map<String, Double> seconds = new ConcurrentHashMap<>();
    /** Where the timings are kept; null when only in memory. */
    private final Path file;

    private Timings(Map<String, Double> seconds, Path file) {
        this.seconds.putAll(seconds);
        this.file = file;
    }

    /** Timings kept in memory only. */
    public static Timings of(Map<String, Double> seconds) {
        return new Timings(seconds, null);
    }

    /**
     * The timings kept in {@code file}: none if it does not exist; a file that cannot be read is reported to
     * {@code warn} and ignored, never a failure (the next save replaces it).
     */
    public static Timings load(Path file, Consumer<String> warn) {
        if (!Files.isRegularFile(file)) {
            return new Timings(Map.of(), file);
        }
        Map<String, Double> read = new TreeMap<>();
        try {
            JsonObject object =
                    Json.parse(Files.readString(file, StandardCharsets.UTF_8)).asJsonObject();
            object.forEach((key, value) -> {
                if (value instanceof JsonNumber n && n.doubleValue() >= 0) {
                    read.put(key, n.doubleValue());
                }
            });
        } catch (IOException | RuntimeException e) {
            warn.accept("fast-ci ignores the timings file " + file + ", which cannot be read (" + e.getMessage()
                    + "); it is rewritten after this run");
            return new Timings(Map.of(), file);
        }
        return new Timings(read, file);
    }

    /** Records {@code key}'s latest duration. */
    public void record(String key, double secondsTaken) {
        if (secondsTaken >= 0 && Double.isFinite(secondsTaken)) {
            seconds.put(key, secondsTaken);
        }
    }

    /** Records every duration of {@code durations}. */
    public void recordAll(Map<String, Double> durations) {
        durations.forEach(this::record);
    }

    /** The last duration of every class, sorted by name. */
    public Map<String, Double> snapshot() {
        return new TreeMap<>(seconds);
    }

    /**
     * The estimated duration of each of {@code keys}: its last duration, or the median of those that have one (or
     * {@link #NO_HISTORY} when none has).
     */
    Map<String, Double> estimates(Collection<String> keys) {
        double[] known = keys.stream()
                .map(seconds::get)
                .filter(s -> s != null)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        double median = known.length == 0
                ? NO_HISTORY
                : known.length % 2 == 1
                        ? known[known.length / 2]
                        : (known[known.length / 2 - 1] + known[known.length / 2]) / 2;
        Map<String, Double> estimates = new ConcurrentHashMap<>();
        for (String key : keys) {
            estimates.put(key, seconds.getOrDefault(key, median));
        }
        return estimates;
    }

    /** Writes the timings to their file, if they have one; atomically, so a reader never sees half a file. */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        JsonObjectBuilder object = Json.PROVIDER.createObjectBuilder();
        snapshot().forEach(object::add);
        writeAtomically(file, object.build().toString() + "\n");
    }

    /** Writes {@code text} to {@code file} through a temporary file beside it, so a reader never sees half a file. */
    static void writeAtomically(Path file, String text) throws IOException {
        AtomicFile.write(file, text);
    }
}
