package ci.fast.maven.server;

import java.util.List;

/**
 * What a command to {@link RunRules} did, in the order it happened. Names nodes by their index, never by a connection:
 * the dispatch beside the rules turns these into frames for the peers it holds, the listeners into log lines, metrics
 * and timing history.
 */
sealed interface RunEvent {
    /** A node joined: index {@code node}; {@code running} unless it must wait for a {@code deq_request}. */
    record NodeJoined(int node, boolean running) implements RunEvent {}

    /** Node {@code node} joined again with its token: it keeps its index and the classes it holds. */
    record NodeRejoined(int node, boolean running) implements RunEvent {}

    /** Node {@code node}'s connection closed; it keeps {@code held} for the grace, in case it rejoins. */
    record NodeAway(int node, List<String> held) implements RunEvent {}

    /** A join was refused, for {@code reason} (such as {@link RunRules#RUN_FINISHED}). */
    record JoinRefused(String reason) implements RunEvent {}

    /** Node {@code node}, which joined before the queue existed, may now ask for a batch. */
    record DeqRequested(int node) implements RunEvent {}

    /** Node {@code node}'s waiting deq is answered with {@code keys}: empty once every class has a result. */
    record BatchHandedOut(int node, List<String> keys) implements RunEvent {}

    /** A class got its first result (a node's, or the one recorded for a class lost twice). */
    record ClassCompleted(Result result) implements RunEvent {}

    /** A second result for {@code key} was dropped: the first one wins. */
    record DuplicateDropped(String key) implements RunEvent {}

    /** Node {@code node} left, or is given up on; {@code requeued} of the classes it held went back to the queue. */
    record NodeLost(int node, List<String> requeued) implements RunEvent {}

    /** Another tenth of the run's classes has results, and the run goes on. */
    record Progressed(RunProgress progress) implements RunEvent {}

    /** Every class has a result: exactly once per run. */
    record RunFinished(RunProgress progress) implements RunEvent {}
}
