package ci.fast.maven.server;

/**
 * Who a node of a run is in the CI's terms, as its join says it to our server (PROTOCOL.md section 5): what a retried
 * CI job needs to find what it ran before. Several nodes (the forks of one CI machine) may be one CI node.
 *
 * @param lineage the build as every attempt of it shares it (the build id without the attempt), with the run key
 * @param attempt this attempt of it: the run's build id, new for every attempt
 * @param node the CI job within the lineage, the same in every attempt (such as {@code test/2} for the second copy of
 *     a matrix job {@code test})
 * @param machine random per Maven run: tells two machines that call themselves the same node apart from two forks of
 *     one machine
 */
public record CiNode(String lineage, String attempt, String node, String machine) {
    public CiNode {
        for (String part : new String[] {lineage, attempt, node, machine}) {
            if (part == null || part.isEmpty()) {
                throw new IllegalArgumentException("a CI node needs a lineage, an attempt, a node and a machine; was "
                        + lineage + ", " + attempt + ", " + node + ", " + machine);
            }
        }
    }
}
