package ci.fast.maven.server;

import java.util.List;

/**
 * Told what the server's runs do: the log, the metrics and the timing history are listeners, and a dashboard would be
 * one. Every method is a no-op by default. Called on the thread of the call that caused the event, after the run's
 * lock is released and before that call's frames are sent, in the order the events happened within that call; calls
 * for one run on different threads may interleave. A listener must be thread-safe and should be quick: a node waits
 * for its reply meanwhile.
 */
public interface RunListener {
    /** Node {@code node} joined {@code run} from {@code from} (a peer's description, such as its address). */
    default void nodeJoined(RunId run, int node, String from) {}

    /** Node {@code node} joined {@code run} again from {@code from}, with its token: it keeps what it held. */
    default void nodeRejoined(RunId run, int node, String from) {}

    /** Node {@code node}'s connection closed; it keeps {@code held} for the reconnect grace, in case it rejoins. */
    default void nodeAway(RunId run, int node, List<String> held) {}

    /** Node {@code node} was given {@code keys}: empty when it is done. */
    default void batchHandedOut(RunId run, int node, List<String> keys) {}

    /** A class got its first result. */
    default void classCompleted(RunId run, Result result) {}

    /** A second result for {@code key} was dropped. */
    default void duplicateDropped(RunId run, String key) {}

    /** Node {@code node} left, or was given up on, and {@code requeued} of its classes went back to the queue. */
    default void nodeLost(RunId run, int node, List<String> requeued) {}

    /** Another tenth of the run's classes has results. */
    default void runProgressed(RunId run, RunProgress progress) {}

    /** Every class of the run has a result. */
    default void runFinished(RunId run, RunProgress progress) {}

    /** The finished run was forgotten, its grace over: a join to its topic now starts a new run. */
    default void runEvicted(RunId run) {}
}
