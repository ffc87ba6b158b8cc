package ci.fast.maven.run;

import java.util.ArrayList;
import java.util.List;

/**
 * What a remote node does when the server cannot be reached at the start: run its share of the classes locally,
 * loudly, unless the user turned that off or the CI says this is a retry (a retried node cannot know what its share
 * was, so a local run could leave classes unrun or run them twice).
 *
 * @param enabled {@code fastCi.fallback}
 * @param nodeIndex this node among the CI's parallel nodes, counting from 0; null when the CI does not say
 * @param nodeTotal how many parallel nodes the CI runs; null exactly when {@code nodeIndex} is
 * @param retryAttempt whether the CI says this job is a retry of an earlier attempt
 */
public record Fallback(boolean enabled, Integer nodeIndex, Integer nodeTotal, boolean retryAttempt) {
    /** No fallback at all: an unreachable server fails the build. */
    public static final Fallback OFF = new Fallback(false, null, null, false);

    public Fallback {
        if ((nodeIndex == null) != (nodeTotal == null)
                || nodeIndex != null && (nodeTotal < 1 || nodeIndex < 0 || nodeIndex >= nodeTotal)) {
            throw new IllegalArgumentException("node " + nodeIndex + " of " + nodeTotal + " is no node of a run");
        }
    }

    /** Why this node must not fall back, to append to the connect failure; null when it may. */
    public String refusal() {
        if (!enabled) {
            return "fastCi.fallback is off, so the build fails; set -DfastCi.fallback=true to run the tests locally";
        }
        if (retryAttempt) {
            return "no local fallback on a CI retry: a retried node cannot know which classes were its share";
        }
        return null;
    }

    /**
     * This node's classes: every class when the CI does not say which node this is; else every {@code nodeTotal}th
     * class of the sorted list, from {@code nodeIndex}, so that the nodes of one build, each falling back, run every
     * class exactly once between them.
     */
    public List<String> share(List<String> classes) {
        List<String> sorted = new ArrayList<>(classes);
        sorted.sort(null);
        if (nodeIndex == null) {
            return sorted;
        }
        List<String> share = new ArrayList<>();
        for (int i = nodeIndex; i < sorted.size(); i += nodeTotal) {
            share.add(sorted.get(i));
        }
        return share;
    }

    /** Says which share this node runs, for the warning. */
    String describeShare(int shareSize, int allSize) {
        return nodeIndex == null
                ? "all " + allSize + " test classes (the CI does not say which node this is)"
                : shareSize + " of " + allSize + " test classes, the share of node " + (nodeIndex + 1) + " of "
                        + nodeTotal;
    }
}
