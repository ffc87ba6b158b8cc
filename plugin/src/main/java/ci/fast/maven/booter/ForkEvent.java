package ci.fast.maven.booter;

import java.util.List;
import java.util.Map;

/**
 * What a fork tells the Maven process, over the loopback socket the fork connects back to. Test output travels here
 * as data, so nothing a test prints can be mistaken for an event.
 */
public sealed interface ForkEvent {
    /** The node joined its run as {@code nodeIndex}. */
    record Joined(int nodeIndex) implements ForkEvent {}

    /**
     * Our server named the node with {@code token}: what a replacement takes the node over with, should this fork die
     * before it starts a class of its batch. Never logged.
     */
    record Named(String token) implements ForkEvent {}

    /** The node is back after an outage of its connection (its one line went to the console). */
    record Reconnected() implements ForkEvent {}

    /** The server handed this node a batch; it runs next. */
    record Batch(List<String> classes) implements ForkEvent {
        public Batch {
            classes = List.copyOf(classes);
        }
    }

    /** A top-level class started. */
    record ClassStarted(String key) implements ForkEvent {}

    /**
     * A class container of {@code key} started: the class itself, or one of its {@code @Nested} classes. {@code name}
     * is what Surefire calls it on the console: its {@code @DisplayName}, else its binary name.
     */
    record SetStarted(String key, String name) implements ForkEvent {}

    /**
     * A class container of {@code key} finished, {@code seconds} after it started; its tests came before. {@code name}
     * is as {@link SetStarted}'s, {@code className} its binary name (the key for a run of suite files), {@code
     * chainedName} how Surefire's provider before 3.5.4 phrases it (its display names from the outermost class down).
     */
    record SetFinished(String key, String name, String className, String chainedName, double seconds)
            implements ForkEvent {}

    /**
     * Bytes a test wrote to System.out or System.err while {@code key} ran ("" outside any class). {@code test} is the
     * run of the test executing on the printing thread (a token also sent with that run's outcome), or null when no
     * test was running there: a static initializer, a {@code @BeforeAll}, another thread.
     */
    record Output(String key, String test, boolean stderr, byte[] bytes) implements ForkEvent {}

    /** One test finished; {@code test} is its run's token (see {@link Output}), or null if it never started. */
    record TestFinished(String key, String test, TestOutcome outcome) implements ForkEvent {}

    /** A failed test ran again ({@code rerunFailingTestsCount}); {@code outcome} is this run's, {@code test} its token. */
    record TestRerun(String key, String test, TestOutcome outcome) implements ForkEvent {}

    /**
     * The fork's system properties as {@code key} ends, for its report (Surefire lists the fork's, not Maven's). Sent
     * only when they differ from the last sent: a class finished without this event had the same as the one before.
     */
    record SystemProperties(String key, Map<String, String> properties) implements ForkEvent {
        public SystemProperties {
            properties = Map.copyOf(properties);
        }
    }

    /**
     * A top-level class finished, {@code seconds} after it started; {@code context} names the per-JVM cache it used
     * ({@link ContextKey}), or is "". {@code methods} holds the seconds of each of its test methods by name when the
     * class may be split by method ({@link SplitRule}), and is empty when it may not.
     */
    record ClassFinished(String key, double seconds, String context, Map<String, Double> methods) implements ForkEvent {
        public ClassFinished {
            methods = Map.copyOf(methods);
        }

        /** A class that may not be split, or whose methods' times nobody needs. */
        public ClassFinished(String key, double seconds, String context) {
            this(key, seconds, context, Map.of());
        }
    }

    /** The node is done; {@code failure} is null, or the one line saying why it failed. */
    record NodeEnded(String failure) implements ForkEvent {}
}
