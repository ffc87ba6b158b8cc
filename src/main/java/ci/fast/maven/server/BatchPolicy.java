package ci.fast.maven.server;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Which classes a node gets at a time: from the head of the queue (longest first), as many as make up a share of the
 * time that remains queued (guided self-scheduling by time), so that batches are large while much work remains and
 * shrink to one class as the queue drains, and nodes finish together.
 */
final class BatchPolicy {
    private BatchPolicy() {}

    /**
     * Takes the next batch off {@code queue}.
     *
     * @param queue the classes still queued, at least one
     * @param estimates each queued class's estimated seconds
     * @param remaining the sum of the queued classes' estimates
     * @param nodes nodes in the run, at least 1
     * @return at least one class, in queue order
     */
    static List<String> take(Deque<String> queue, Map<String, Double> estimates, double remaining, int nodes) {
        double share = remaining / (2.0 * Math.max(1, nodes));
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
