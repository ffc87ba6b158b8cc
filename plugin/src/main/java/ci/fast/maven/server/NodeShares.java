package ci.fast.maven.server;

import java.util.List;
import java.util.Optional;

/**
 * What each CI node ran in each attempt of a build, kept across runs so that a retried CI job reruns its own share
 * (PROTOCOL.md section 5): a run of the first attempt and a run of the retry are two topics, and the first may be
 * forgotten before the retry comes. Part of a {@link RunStore}; thread-safe, since the runs that write it lock only
 * themselves.
 */
public interface NodeShares {
    /** Keeps nothing: for rules that serve no CI (a local run's tests). */
    NodeShares NONE = new NodeShares() {
        @Override
        public void handedOut(CiNode node, List<String> classes) {}

        @Override
        public void failed(CiNode node, String key) {}

        @Override
        public Optional<NodeShare> earlier(String lineage, String node, String attempt) {
            return Optional.empty();
        }
    };

    /** Adds {@code classes}, handed to one of {@code node}'s forks, to its share in its attempt. */
    void handedOut(CiNode node, List<String> classes);

    /** Records that {@code key}, in {@code node}'s share of its attempt, failed there. */
    void failed(CiNode node, String key);

    /**
     * The share of CI node {@code node} of {@code lineage} in its last attempt recorded other than {@code attempt}
     * (the one asking); empty when none is kept.
     */
    Optional<NodeShare> earlier(String lineage, String node, String attempt);
}
