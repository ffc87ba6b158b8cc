package ci.fast.maven.results;

import ci.fast.maven.report.RunSummary;

/**
 * Receives a run's class results as forks start and complete classes. Every method does nothing unless overridden,
 * so a listener implements only the events it needs.
 *
 * <p>Ordering: a fork's {@code classStarted} for a class comes before its {@code classCompleted}; a class may start
 * on several forks (a dead fork's class is handed out again) but completes once, with its first result, and a class
 * reported without a fork ({@link ClassRun#NO_FORK}) completes without having started. {@code runFinished} comes
 * once, last. Listeners are called in the order they were given to the sink.
 *
 * <p>Threading: events come from the forks' reader threads, but one at a time: the sink calls its listeners under
 * its lock, so a listener's state that only its events touch needs no lock of its own. State read from another
 * thread (an accessor the run calls at the end) must be guarded. A listener must not block: every fork waits while it
 * runs. An exception a listener throws reaches the fork's reader thread, and the listeners after it are not called
 * for that event.
 */
public interface ResultListener {
    /** A fork said it starts {@code start.className()}. */
    default void classStarted(ClassStart start) {}

    /** A class has its result: the first one to arrive, shaped as the user asked (its stack traces trimmed, say). */
    default void classCompleted(ClassRun run) {}

    /**
     * A part of a class split by method has its result ({@code part.className()} is the part's key): its class
     * completes once every part has, as one class whose run holds its parts' ({@link ClassRun#parts()}).
     */
    default void partCompleted(ClassRun part) {}

    /** Fork {@code fork}'s node is back after an outage of its connection to the server. */
    default void reconnected(int fork) {}

    /**
     * Every class has its result: nothing more comes.
     *
     * @param summary the run's totals and problem lines, complete
     */
    default void runFinished(RunSummary summary) {}
}
