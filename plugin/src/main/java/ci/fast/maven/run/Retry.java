package ci.fast.maven.run;

import java.util.Map;

/**
 * What a remote node knows of its CI attempt, and what it reruns when the CI says it is a retry: with our server, the
 * classes its CI node ran in the attempt before (all of them, or only those that failed there); elsewhere, a run like
 * any other.
 *
 * @param ciNode which CI node this machine is ({@code lineage}, {@code attempt}, {@code node}, {@code machine}), sent
 *     to our server in every join; empty when the CI does not say
 * @param retryAttempt whether the CI says this job is a retry of an earlier attempt
 * @param failedOnly {@code fastCi.retry=failed}: rerun only the classes that failed in the earlier attempt
 * @param unknown why the CI node is unknown, for the one line a retry prints; null when {@code ciNode} is known
 */
public record Retry(Map<String, String> ciNode, boolean retryAttempt, boolean failedOnly, String unknown) {
    /** No CI node and no retry: what tests and local runs use. */
    public static final Retry NONE = new Retry(Map.of(), false, false, "the CI does not say which node this is");

    /** The keys of {@link #ciNode}, as the join's {@code ci_node} object names them (PROTOCOL.md section 5). */
    public static final String LINEAGE = "lineage";

    public static final String ATTEMPT = "attempt";
    public static final String NODE = "node";
    public static final String MACHINE = "machine";

    public Retry {
        ciNode = Map.copyOf(ciNode);
        if (ciNode.isEmpty() == (unknown == null)) {
            throw new IllegalArgumentException("a retry knows its CI node, or why not; was " + ciNode + ", " + unknown);
        }
    }

    /** The {@code fastCi.retry} value this retry runs by. */
    String mode() {
        return failedOnly ? "failed" : "all";
    }
}
