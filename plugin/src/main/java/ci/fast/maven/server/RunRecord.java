package ci.fast.maven.server;

import java.util.List;

/**
 * What a durable store keeps of one run for a dashboard, read at one moment: every process that shares the store (and
 * a process started again on it) shows the run from this, whoever served its nodes. Immutable.
 *
 * @param id the run
 * @param enqueuedMillis when its queue was made, in milliseconds since the epoch; 0 before its enq
 * @param classes how many classes it enqueued
 * @param duplicates the second results dropped
 * @param finished whether it has a queue and no class is left to run (none queued, none held without a result)
 * @param nodes its nodes still of the run (connected to some process, or away within their grace), by index
 * @param connections whether {@code nodes} says which nodes are connected, as a store several processes share does;
 *     false for a store of one process, which knows only the nodes that hold a class, all away until they rejoin
 * @param results the results kept after the position asked for, in the order they were kept
 * @param position the position of the last result kept, or the one asked for when none is later: the next read's
 */
public record RunRecord(
        RunId id,
        long enqueuedMillis,
        int classes,
        int duplicates,
        boolean finished,
        List<Node> nodes,
        boolean connections,
        List<Placed> results,
        long position) {
    public RunRecord {
        nodes = List.copyOf(nodes);
        results = List.copyOf(results);
    }

    /**
     * A node still of the run.
     *
     * @param index its index in the run
     * @param away whether no process has its connection: it may rejoin within its grace
     */
    public record Node(int index, boolean away) {}

    /**
     * A class's result where and when it ran.
     *
     * @param result what its node reported
     * @param node the node that ran it; -1 when the process that recorded it did not know
     * @param startMillis when it started, in milliseconds since the epoch, as far as the server could tell
     * @param endMillis when its result came, in milliseconds since the epoch; 0 when the store did not keep it (a
     *     result kept by an earlier version)
     */
    public record Placed(Result result, int node, long startMillis, long endMillis) {}
}
