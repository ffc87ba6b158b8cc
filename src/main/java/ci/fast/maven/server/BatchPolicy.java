package ci.fast.maven.server;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Which classes a node gets at a time: from the head of the queue (longest first), as many as make up a share of the
 * time that remains queued (guided self-scheduling by time), so that batches are large while much work remains and
 * shrink to one class as the queue drains, and nodes finish together.
 *
 * <p>The share assumes the nodes joined so far are all there will be, which is wrong while the run is young: the
 * first node deqs before the others have joined, and would take half the suite. So a batch also holds no more than the
 * run has lasted so far, or than the run has done (in estimated seconds, for estimates far off the real durations:
 * on a first run every class is estimated at {@link Timings#NO_HISTORY}): see {@link #cap}. A node cannot commit much
 * further into the future than the run has come: batches start small and grow as the nodes arrive and work.
 */
final class BatchPolicy {
    /** The least {@link #cap}, so that the first batches are not single short classes. */
    static final double MIN_CAP_SECONDS = 2.0;

    private BatchPolicy() {}

    /**
     * The most seconds a batch may hold when the run's queue has existed for {@code ageSeconds} and its classes with a
     * result add up to {@code doneSeconds} of estimates.
     */
    static double cap(double ageSeconds, double doneSeconds) {
        return Math.max(MIN_CAP_SECONDS, Math.max(ageSeconds, doneSeconds));
    }

    /**
     * Takes the next batch off {@code queue}.
     *
     * @param queue the classes still queued, at least one
     * @param estimates each queued class's estimated seconds
     * @param remaining the sum of the queued classes' estimates
     * @param nodes nodes in the run, at least 1
     * @param cap the most seconds of work a batch may hold (beyond its first class), see {@link #cap}
     * @return at least one class, in queue order
     */
    static List<String> take(
            Deque<String> queue, Map<String, Double> estimates, double remaining, int nodes, double cap) {
        double share = Math.min(cap, remaining / (2.0 * Math.max(1, nodes)));
        List<String> batch = new ArrayList<>();
        double seconds = 0;
        do {
            String key = queue.poll();
            batch.add(key);
            seconds += estimates.getOrDefault(key, Timings.NO_HISTORY);
        } while (!queue.isEmpty() && seconds < share);
        return batch;
    }
}
