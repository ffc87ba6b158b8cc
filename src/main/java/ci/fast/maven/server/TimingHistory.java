package ci.fast.maven.server;

import java.io.IOException;
import java.util.Collection;
import java.util.Map;

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

    /** Records the latest duration of {@code key} in the runs of {@code runKey}. */
    void record(String runKey, String key, double seconds);

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
            public void record(String runKey, String key, double seconds) {
                timings.record(key, seconds);
            }

            @Override
            public void save() throws IOException {
                timings.save();
            }
        };
    }
}
