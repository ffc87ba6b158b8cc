package ci.fast.maven.server;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The durations the server estimates classes by, keyed by (run key, class): two projects on one server that have a
 * class of the same name do not share its history. Thread-safe.
 */
public interface TimingHistory {
    /**
     * The estimated seconds of each of {@code keys} in the runs of {@code runKey}: its last duration, or the median of
     * those of {@code keys} that have one ({@link Timings#NO_HISTORY} when none has).
     */
    Map<String, Double> estimates(String runKey, Collection<String> keys);

    /**
     * Those of {@code keys} that failed in their last run of {@code runKey}: the queue hands them out first, so that a
     * build that is still broken says so in its first seconds.
     */
    Set<String> failed(String runKey, Collection<String> keys);

    /**
     * The per-JVM cache (a Spring context, …) of each of {@code keys} that has one in the runs of {@code runKey}: the
     * server gives a node the classes whose cache it has built first.
     */
    Map<String, String> contexts(String runKey, Collection<String> keys);

    /** Records the per-JVM cache each class of {@code contexts} used in its last run of {@code runKey}. */
    void recordContexts(String runKey, Map<String, String> contexts);

    /** Records the latest duration of {@code key} in the runs of {@code runKey}, and whether that run failed. */
    void record(String runKey, String key, double seconds, boolean failed);

    /** Records the latest duration of {@code key} in the runs of {@code runKey}, a run that passed. */
    default void record(String runKey, String key, double seconds) {
        record(runKey, key, seconds, false);
    }

    /** Writes the history where it is kept, if anywhere. */
    void save() throws IOException;

    /**
     * The history of one project in one run key, as a local run has: every run this server serves reads and adds to
     * {@code timings}, whatever its run key.
     */
    static TimingHistory of(Timings timings) {
        return new TimingHistory() {
            @Override
            public Map<String, Double> estimates(String runKey, Collection<String> keys) {
                return timings.estimates(keys);
            }

            @Override
            public Set<String> failed(String runKey, Collection<String> keys) {
                return timings.failed(keys);
            }

            @Override
            public Map<String, String> contexts(String runKey, Collection<String> keys) {
                return timings.contexts(keys);
            }

            @Override
            public void recordContexts(String runKey, Map<String, String> contexts) {
                timings.recordContexts(contexts);
            }

            @Override
            public void record(String runKey, String key, double seconds, boolean failed) {
                timings.record(key, seconds, failed);
            }

            @Override
            public void save() throws IOException {
                timings.save();
            }
        };
    }
}
