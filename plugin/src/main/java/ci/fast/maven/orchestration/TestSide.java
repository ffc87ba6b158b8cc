package ci.fast.maven.orchestration;

import java.util.List;
import java.util.Map;

/**
 * What a node asks of the tests' side of the fork. Only JDK types cross this line: the implementation lives in
 * the tests' class loader, the session in the isolated one.
 */
public interface TestSide {
    /** A test's outcome as the wire needs it. Keys: {@code name}, {@code status} (passed, failed or pending),
     *  {@code seconds} (Double), for a failure {@code failure} (message and stack trace) and, for a test that passed
     *  only on a rerun, {@code flaky} (Boolean.TRUE), and, for a class that used a per-JVM cache such as a Spring
     *  context, {@code context} (its name). */
    String NAME = "name";

    String STATUS = "status";
    String SECONDS = "seconds";
    String FAILURE = "failure";
    String FLAKY = "flaky";
    String CONTEXT = "context";

    /** Runs a batch; returns each class's tests as maps with the keys above. */
    Map<String, List<Map<String, Object>>> run(List<String> batch);

    /** Told once the node has joined. */
    default void joined(int nodeIndex) {}

    /**
     * Told the token our server named the node with, each time it names it anew: should this fork die before it
     * starts a class of its batch, its replacement takes the node over with it.
     */
    default void named(String token) {}

    /** Told as each batch arrives, before it runs. */
    default void batchReceived(List<String> batch) {}

    /** Told when the node is back after an outage of its connection, for the run's figures. */
    default void reconnected() {}
}
