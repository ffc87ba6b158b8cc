package ci.fast.maven.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where and when each class of one run ran, as far as this process saw it, kept with the class's result so that a
 * dashboard shows it whichever process serves the page (another replica, or this one after a restart). A class's start
 * is not on the wire: it is the later of when its batch was handed out and when its node's previous class ended, since
 * a node runs its batch one class after another. Not thread-safe: the run's rules guard it, as its store.
 */
final class Placements {
    /** The node of a class whose node this process did not see. */
    static final int NO_NODE = -1;

    /** Classes handed out here and without a result: key → (node, when). */
    private final Map<String, Handed> handed = new HashMap<>();
    /** The node that last reported each class without its hand-out seen here (a restart, another replica's batch). */
    private final Map<String, Integer> reporter = new HashMap<>();
    /** When each node's last class ended, in milliseconds since the epoch. */
    private final Map<Integer, Long> lastEnd = new HashMap<>();

    private record Handed(int node, long at) {}

    /**
     * A class's place.
     *
     * @param node the node that ran it, or {@link #NO_NODE}
     * @param startMillis when it started, in milliseconds since the epoch, as far as the server can tell
     * @param endMillis when its result arrived, in milliseconds since the epoch
     */
    record Placement(int node, long startMillis, long endMillis) {}

    /** Node {@code node} was handed {@code keys} at {@code atMillis}. */
    void handedOut(int node, List<String> keys, long atMillis) {
        for (String key : keys) {
            handed.put(key, new Handed(node, atMillis));
            reporter.remove(key);
        }
    }

    /** Node {@code node} sent a result of {@code key}, or left it out: its node, should its hand-out be unknown. */
    void reported(int node, String key) {
        reporter.put(key, node);
    }

    /**
     * {@code key} got its result at {@code atMillis}, which took {@code seconds} by its node's count.
     *
     * @return where and when it ran
     */
    Placement ended(String key, double seconds, long atMillis) {
        Handed where = handed.remove(key);
        Integer by = reporter.remove(key);
        int node = by != null ? by : where != null ? where.node() : NO_NODE;
        if (node == NO_NODE) {
            return new Placement(NO_NODE, atMillis, atMillis);
        }
        Long previous = lastEnd.get(node);
        long start;
        if (where != null && where.node() == node) {
            start = Math.max(previous == null ? where.at() : previous, where.at());
        } else {
            // Its hand-out was not seen here: its node's own count of its time, after the node's previous class.
            long measured = atMillis - (Double.isFinite(seconds) ? Math.round(seconds * 1000) : 0);
            start = previous == null ? measured : Math.max(previous, measured);
        }
        lastEnd.put(node, atMillis);
        return new Placement(node, Math.min(start, atMillis), atMillis);
    }
}
