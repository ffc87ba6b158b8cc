package ci.fast.maven.server;

import ci.fast.maven.channel.Json;
import ci.fast.maven.files.AtomicFile;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Each test class's last duration in seconds and whether it failed then, by class name, for one project's run key (a
 * local run's history; a server keeps one per run key, {@link RunKeyTimings}): what the server orders the queue and
 * sizes batches by; and the per-JVM cache it needs (its Spring context, see {@code booter.ContextKey}), which the
 * server groups a node's batches by. Thread-safe. Kept in a JSON file between runs when it has one: {@code
 * {"com.acme.ATest": 1.25, "com.acme.BTest": {"seconds": 0.5, "failed": true, "context": "spring:1a2b3c4d5e6f"}}},
 * the object form only for a class that failed or has a cache, so that a file of the earlier form (numbers only)
 * loads, and an earlier version reading this one only misses those classes. A class that may be split by method
 * ({@code fastCi.splitClasses}) keeps its methods' seconds in the object form too, {@code "methods": {"adds": 0.25}},
 * which an earlier version passes over.
 */
public final class Timings {
    /** The estimate of every class when no class of a run has a history. */
    static final double NO_HISTORY = 1.0;

    private static final String SECONDS = "seconds";
    private static final String FAILED = "failed";
    private static final String CONTEXT = "context";
    private static final String METHODS = "methods";

    private final Map<String, Double> seconds = new ConcurrentHashMap<>();
    /** The classes whose last run failed. */
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    /** The per-JVM cache of each class that has one. */
    private final Map<String, String> contexts = new ConcurrentHashMap<>();
    /** The seconds of each test method by name, of each class that may be split by method. */
    private final Map<String, Map<String, Double>> methods = new ConcurrentHashMap<>();
    /** Where the timings are kept; null when only in memory. */
    private final Path file;

    private Timings(Map<String, Double> seconds, Set<String> failed, Map<String, String> contexts, Path file) {
        this.seconds.putAll(seconds);
        this.failed.addAll(failed);
        this.contexts.putAll(contexts);
        this.file = file;
    }

    private Timings withMethods(Map<String, Map<String, Double>> methods) {
        this.methods.putAll(methods);
        return this;
    }

    /** Timings kept in memory only, of classes that passed. */
    public static Timings of(Map<String, Double> seconds) {
        return new Timings(seconds, Set.of(), Map.of(), null);
    }

    /** A copy of {@code other}, kept in memory only. */
    static Timings copyOf(Timings other) {
        return new Timings(other.seconds, other.failed, other.contexts, null).withMethods(other.methods);
    }

    /**
     * The timings kept in {@code file}: none if it does not exist; a file that cannot be read is reported to
     * {@code warn} and ignored, never a failure (the next save replaces it).
     */
    public static Timings load(Path file, Consumer<String> warn) {
        if (!Files.isRegularFile(file)) {
            return new Timings(Map.of(), Set.of(), Map.of(), file);
        }
        try {
            return read(
                    Json.parse(Files.readString(file, StandardCharsets.UTF_8)).asJsonObject(), file);
        } catch (IOException | RuntimeException e) {
            warn.accept("fast-ci ignores the timings file " + file + ", which cannot be read (" + e.getMessage()
                    + "); it is rewritten after this run");
            return new Timings(Map.of(), Set.of(), Map.of(), file);
        }
    }

    /**
     * The timings in {@code object}, in this class's JSON form; entries that are no duration are skipped.
     *
     * @param file where they are kept; null when only in memory
     */
    static Timings read(JsonObject object, Path file) {
        Map<String, Double> read = new TreeMap<>();
        Set<String> failed = new HashSet<>();
        Map<String, String> contexts = new HashMap<>();
        Map<String, Map<String, Double>> methods = new HashMap<>();
        object.forEach((key, value) -> {
            JsonValue duration = value instanceof JsonObject entry ? entry.get(SECONDS) : value;
            if (duration instanceof JsonNumber n && n.doubleValue() >= 0) {
                read.put(key, n.doubleValue());
                if (value instanceof JsonObject entry) {
                    if (entry.get(FAILED) == JsonValue.TRUE) {
                        failed.add(key);
                    }
                    if (entry.get(CONTEXT) instanceof JsonString context
                            && !context.getString().isEmpty()) {
                        contexts.put(key, context.getString());
                    }
                    if (entry.get(METHODS) instanceof JsonObject times) {
                        Map<String, Double> ofClass = new TreeMap<>();
                        times.forEach((method, time) -> {
                            if (time instanceof JsonNumber t && t.doubleValue() >= 0) {
                                ofClass.put(method, t.doubleValue());
                            }
                        });
                        if (!ofClass.isEmpty()) {
                            methods.put(key, ofClass);
                        }
                    }
                }
            }
        });
        return new Timings(read, failed, contexts, file).withMethods(methods);
    }

    /** Records {@code key}'s latest duration, of a run that passed. */
    public void record(String key, double secondsTaken) {
        record(key, secondsTaken, false);
    }

    /** Records {@code key}'s latest duration and whether that run of it failed. */
    public void record(String key, double secondsTaken, boolean failedThen) {
        if (secondsTaken >= 0 && Double.isFinite(secondsTaken)) {
            seconds.put(key, secondsTaken);
            if (failedThen) {
                failed.add(key);
            } else {
                failed.remove(key);
            }
        }
    }

    /**
     * Records the per-JVM cache each class of {@code contexts} used in its last run; a class ran again without one
     * keeps the one it had (a run that stopped before it, or a fork that died, says nothing of it).
     */
    public void recordContexts(Map<String, String> contexts) {
        contexts.forEach((key, context) -> {
            if (context != null && !context.isEmpty()) {
                this.contexts.put(key, context);
            }
        });
    }

    /**
     * Records the seconds of each test method of each class of {@code methods}, by name, for the next run to split it
     * by; a class given none may not be split (any more), and forgets those it had.
     */
    public void recordMethods(Map<String, Map<String, Double>> methods) {
        methods.forEach((key, times) -> {
            if (times.isEmpty()) {
                this.methods.remove(key);
            } else {
                this.methods.put(key, new TreeMap<>(times));
            }
        });
    }

    /** The seconds of each test method of {@code key} by name, sorted by name; empty when it may not be split. */
    public Map<String, Double> methods(String key) {
        Map<String, Double> of = methods.get(key);
        return of == null ? Map.of() : Collections.unmodifiableMap(of);
    }

    /** The per-JVM cache of each of {@code keys} that has one. */
    Map<String, String> contexts(Collection<String> keys) {
        Map<String, String> of = new HashMap<>();
        for (String key : keys) {
            String context = contexts.get(key);
            if (context != null) {
                of.put(key, context);
            }
        }
        return of;
    }

    /** Those of {@code keys} whose last run failed. */
    Set<String> failed(Collection<String> keys) {
        Set<String> of = new HashSet<>();
        for (String key : keys) {
            if (failed.contains(key)) {
                of.add(key);
            }
        }
        return of;
    }

    /**
     * Records every duration of {@code durations}, leaving whether each class failed as it was recorded (a local run
     * measures its classes' wall times on the Maven side, after the server recorded their outcomes).
     */
    public void recordAll(Map<String, Double> durations) {
        durations.forEach((key, secondsTaken) -> {
            if (secondsTaken >= 0 && Double.isFinite(secondsTaken)) {
                seconds.put(key, secondsTaken);
            }
        });
    }

    /** The last duration of every class, sorted by name. */
    public Map<String, Double> snapshot() {
        return new TreeMap<>(seconds);
    }

    /**
     * The estimated duration of each of {@code keys}: its last duration, or the median of those that have one (or
     * {@link #NO_HISTORY} when none has).
     */
    public Map<String, Double> estimates(Collection<String> keys) {
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
        writeAtomically(file, toJson().toString() + "\n");
    }

    /** This history in its JSON form, sorted by class. */
    JsonObject toJson() {
        JsonObjectBuilder object = Json.PROVIDER.createObjectBuilder();
        snapshot().forEach((key, secondsTaken) -> {
            String context = contexts.get(key);
            Map<String, Double> times = methods.get(key);
            if (failed.contains(key) || context != null || times != null) {
                JsonObjectBuilder entry = Json.PROVIDER.createObjectBuilder().add(SECONDS, secondsTaken);
                if (failed.contains(key)) {
                    entry.add(FAILED, true);
                }
                if (context != null) {
                    entry.add(CONTEXT, context);
                }
                if (times != null) {
                    JsonObjectBuilder ofClass = Json.PROVIDER.createObjectBuilder();
                    times.forEach(ofClass::add);
                    entry.add(METHODS, ofClass);
                }
                object.add(key, entry);
            } else {
                object.add(key, secondsTaken);
            }
        });
        return object.build();
    }

    /** Writes {@code text} to {@code file} through a temporary file beside it, so a reader never sees half a file. */
    static void writeAtomically(Path file, String text) throws IOException {
        AtomicFile.write(file, text);
    }
}
