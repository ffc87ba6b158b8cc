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

    /** The server handed this node a batch; it runs next. */
    record Batch(List<String> classes) implements ForkEvent {
        public Batch {
            classes = List.copyOf(classes);
        }
    }

    /** A top-level class started. */
    record ClassStarted(String key) implements ForkEvent {}

    /** Bytes a test wrote to System.out or System.err while {@code key} ran ("" outside any class). */
    record Output(String key, boolean stderr, byte[] bytes) implements ForkEvent {}

    /** One test finished. */
    record TestFinished(String key, TestOutcome outcome) implements ForkEvent {}

    /** A failed test ran again ({@code rerunFailingTestsCount}); {@code outcome} is this run's. */
    record TestRerun(String key, TestOutcome outcome) implements ForkEvent {}

    /**
     * The fork's system properties as {@code key} ends, for its report (Surefire lists the fork's, not Maven's). Sent
     * only when they differ from the last sent: a class finished without this event had the same as the one before.
     */
    record SystemProperties(String key, Map<String, String> properties) implements ForkEvent {
        public SystemProperties {
            properties = Map.copyOf(properties);
        }
    }

    /** A top-level class finished, {@code seconds} after it started. */
    record ClassFinished(String key, double seconds) implements ForkEvent {}

    /** The node is done; {@code failure} is null, or the one line saying why it failed. */
    record NodeEnded(String failure) implements ForkEvent {}
}
