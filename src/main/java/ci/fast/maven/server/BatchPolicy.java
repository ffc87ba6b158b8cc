package ci.fast.maven.server;

/**
 * How many classes a node gets at a time: a share of what remains (guided self-scheduling), so batches are large
 * while much work remains and shrink to one as the queue drains, and nodes finish together.
 */
final class BatchPolicy {
    private BatchPolicy() {}

    /**
     * @param queued classes still queued, at least 1
     * @param nodes nodes in the run, at least 1
     * @return the batch size, between 1 and {@code queued}
     */
    static int size(int queued, int nodes) {
        int share = (queued + 2 * nodes - 1) / (2 * Math.max(1, nodes));
        return Math.max(1, Math.min(queued, share));
    }
}
