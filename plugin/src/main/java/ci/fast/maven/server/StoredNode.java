package ci.fast.maven.server;

/**
 * A node of a run as a store shared by several server processes keeps it, so that every process's rules know every
 * node: which one it is connected to, and since when it is away.
 *
 * @param index the node's index in its run
 * @param here whether it is connected to this process (false for a node away, wherever it was)
 * @param away whether no process has its connection: it closed, or the process that had it died
 * @param awaySince when it went away (for a node of a dead process, that process's last sign of life), on this
 *     process's rules' clock; meaningful only when {@code away}
 */
public record StoredNode(int index, boolean here, boolean away, long awaySince) {}
