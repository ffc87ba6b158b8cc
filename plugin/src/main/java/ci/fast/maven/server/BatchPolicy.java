package ci.fast.maven.server;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Which classes a node gets at a time: from the head of the queue (longest first), as many as make up {@link #SHARE} of
 * the node's fair share of the work outstanding, so that batches are large while much work remains and shrink to one
 * class as the queue drains, and nodes finish together. The work outstanding is what is queued and what the other nodes
 * are still running by the estimates: if every node is to finish at one moment, a node asking while the others have
 * just started long batches must take more than one asking while they are about to finish. (Guided self-scheduling
 * counts the queue alone and takes half a share: in {@code BatchPolicyTest}'s simulation of the benchmark's 4 nodes
 * 100 ms away, 58 round trips for 200 classes where this takes 29.)
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

    /**
     * The part of its fair share a node takes: below 1, as a hedge against estimates that are off and so that the last
     * batches are short.
     */
    static final double SHARE = 0.75;

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
     * @param queued the sum of the queued classes' estimates
     * @param running the estimated seconds the other nodes have still to run of the batches they hold
     * @param nodes nodes in the run, at least 1
     * @param cap the most seconds of work a batch may hold (beyond its first class), see {@link #cap}
     * @return at least one class, in queue order
     */
    static List<String> take(
            Deque<String> queue, Map<String, Double> estimates, double queued, double running, int nodes, double cap) {
        return fill(queue, estimates, share(queued, running, nodes, cap));
    }

    /**
     * The seconds of work a node's batch should hold: {@link #SHARE} of its fair share of the work outstanding, at most
     * {@code cap}; the arguments as {@link #take}'s.
     */
    static double share(double queued, double running, int nodes, double cap) {
        return Math.min(cap, SHARE * (queued + running) / Math.max(1, nodes));
    }

    /**
     * The class a node whose JVM has built no per-JVM cache yet (a Spring context) starts with: of {@code candidates}
     * (the queued classes of the caches no node has built, with their estimates) the one of median estimate, ties by
     * name, when the longest of them is longer; else null, and queue order stands. A framework's first start in a JVM
     * costs several times its later ones (its classes loaded and compiled, its first requests served), and the longest
     * class, first by queue order, would pay the most of it: a median one warms the JVM for the rest, and the longest
     * still starts right after it. The median, not the shortest, which is often a class an assumption skips (it warms
     * nothing).
     */
    static String warmUp(Map<String, Double> candidates) {
        if (candidates.size() < 2) {
            return null;
        }
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(candidates.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        Map.Entry<String, Double> median = sorted.get((sorted.size() - 1) / 2);
        return median.getValue() < sorted.get(sorted.size() - 1).getValue() ? median.getKey() : null;
    }

    /**
     * Takes a batch of about {@code share} seconds off the head of {@code queue}, at least one class (the queue must
     * hold one): the first class always; each next one while the batch stays nearer the share with it than without.
     */
    static List<String> fill(Deque<String> queue, Map<String, Double> estimates, double share) {
        List<String> batch = new ArrayList<>();
        double seconds = 0;
        do {
            String key = queue.poll();
            batch.add(key);
            seconds += estimates.getOrDefault(key, Timings.NO_HISTORY);
        } while (!queue.isEmpty() && seconds + estimates.getOrDefault(queue.peek(), Timings.NO_HISTORY) / 2 < share);
        return batch;
    }
}
