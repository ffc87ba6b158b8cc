package ci.fast.maven.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A run's queued classes in hand-out order, with their estimated seconds and the running sum of them, so that taking a
 * batch or dropping a class costs no walk over the whole queue. Not thread-safe: the rules guard it.
 */
final class WorkQueue {
    private final Deque<String> order = new ArrayDeque<>();
    private final Set<String> members = new HashSet<>();
    private final Map<String, Double> estimates;
    private double seconds;

    /** @param estimates each class's estimated seconds; classes without one count {@link Timings#NO_HISTORY} */
    WorkQueue(Map<String, Double> estimates) {
        this.estimates = estimates;
    }

    void addLast(String key) {
        if (members.add(key)) {
            order.addLast(key);
            seconds += estimate(key);
        }
    }

    void addFirst(String key) {
        if (members.add(key)) {
            order.addFirst(key);
            seconds += estimate(key);
        }
    }

    /** Drops {@code key} if it is queued (a result for it arrived from elsewhere). */
    void remove(String key) {
        if (members.remove(key)) {
            order.remove(key);
            seconds -= estimate(key);
        }
    }

    boolean contains(String key) {
        return members.contains(key);
    }

    boolean isEmpty() {
        return order.isEmpty();
    }

    /** The sum of the queued classes' estimates. */
    double seconds() {
        return Math.max(0, seconds);
    }

    /** The next batch, of about {@code share} seconds, by {@link BatchPolicy#fill}; empty when nothing is queued. */
    List<String> take(double share) {
        if (order.isEmpty()) {
            return List.of();
        }
        List<String> batch = BatchPolicy.fill(order, estimates, share);
        for (String key : batch) {
            members.remove(key);
            seconds -= estimate(key);
        }
        return batch;
    }

    /**
     * The next batch of the queue ordered by {@code rank} (lowest first, then queue order), of about {@code share}
     * seconds by {@link BatchPolicy#fill}; empty when nothing is queued. A walk over the whole queue.
     */
    List<String> take(double share, ToIntFunction<String> rank) {
        if (order.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> ranks = new HashMap<>();
        for (String key : order) {
            ranks.put(key, rank.applyAsInt(key));
        }
        List<String> ranked = new ArrayList<>(order);
        ranked.sort(Comparator.comparingInt(ranks::get)); // stable: queue order within a rank
        List<String> batch = BatchPolicy.fill(new ArrayDeque<>(ranked), estimates, share);
        Set<String> taken = new HashSet<>(batch);
        order.removeIf(taken::contains);
        for (String key : batch) {
            members.remove(key);
            seconds -= estimate(key);
        }
        return batch;
    }

    double estimate(String key) {
        return estimates.getOrDefault(key, Timings.NO_HISTORY);
    }
}
