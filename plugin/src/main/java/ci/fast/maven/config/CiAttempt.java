package ci.fast.maven.config;

/**
 * Which CI node this is across the attempts of its build: what a retried CI job asks our server for, to rerun what it
 * ran before (PROTOCOL.md section 5). Built by {@link CiEnvironment#attempt}.
 *
 * @param lineage the build as every attempt of it names it (the build id without its attempt); null when unknown
 * @param node the CI node within it, the same in every attempt: the job's name, and which of its parallel or matrix
 *     copies this is when the CI or {@code FAST_CI_NODE_ID} / {@code FAST_CI_NODE_INDEX} say (such as {@code test/1});
 *     null exactly when {@code lineage} is
 * @param unknown why they are unknown, for the one line a retry prints; null when they are known
 */
public record CiAttempt(String lineage, String node, String unknown) {
    public CiAttempt {
        if ((lineage == null) != (node == null) || (lineage == null) == (unknown == null)) {
            throw new IllegalArgumentException(
                    "a CI attempt has a lineage and a node, or a reason they are unknown; was " + lineage + ", " + node
                            + ", " + unknown);
        }
    }

    static CiAttempt unknown(String why) {
        return new CiAttempt(null, null, why);
    }

    /** Whether the lineage and the node are known. */
    public boolean known() {
        return lineage != null;
    }
}
