package ci.fast.maven.server;

/**
 * Where a run stands, as a log line or a dashboard tells it.
 *
 * @param topic the run's topic
 * @param nodes the nodes joined and not gone
 * @param classes the classes enqueued; 0 before the enq
 * @param done the classes with a result
 * @param duplicates the second results dropped
 */
public record RunProgress(String topic, int nodes, int classes, int done, int duplicates) {}
