package ci.fast.maven.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the durable facts of the server's runs live, under {@link RunRules}: what each run enqueued and estimated, its
 * queue, which node holds which classes, results, losses; and, across runs, what each CI node ran in each attempt. Connection state (peers, held deqs) never reaches a store,
 * and neither does anything the rules can rebuild (how long the nodes' batches should still run).
 *
 * <p>The rules call a store's run under their own lock, one call of theirs being one unit of work; a store shared by
 * several server processes makes that unit a transaction. {@link MemoryStore} keeps it in this JVM; every
 * implementation passes {@code RunStoreContract}.
 */
public interface RunStore {
    /** The run of {@code id}'s topic: the stored one, or a new empty one (no queue yet, no node) if there is none. */
    StoredRun open(RunId id);

    /** The topics of the runs stored, in no particular order. */
    Set<String> topics();

    /** The runs stored, in no particular order: those a server that restarts on this store carries on. */
    List<RunId> runs();

    /** Forgets the run of {@code topic} and everything of it; nothing if there is none. Keeps its {@link #shares}. */
    void delete(String topic);

    /**
     * What each CI node ran in each attempt of a build, across runs: outlives the runs it was recorded in, for as long
     * as the store keeps it (a retry that comes later finds none, and runs as a new run).
     */
    NodeShares shares();

    /**
     * What the store keeps of the run of {@code topic} for a dashboard, with the results kept after position
     * {@code after} (0 for every one): read-only, on the caller's thread, never under the run's lock. Empty when the
     * store has no such run, or keeps nothing beyond this process (a store in memory, whose runs a dashboard follows
     * itself).
     */
    default Optional<RunRecord> record(String topic, long after) {
        return Optional.empty();
    }

    /**
     * Whether several server processes serve this store's runs at once: each then tells the others what it changed
     * ({@link #onChange}), and gives up on the nodes of a process that died.
     */
    default boolean shared() {
        return false;
    }

    /**
     * Calls {@code topic} with a run's topic whenever another server process committed a unit of work of that run; on
     * a thread of the store's, one call at a time. Nothing for a store of one process.
     */
    default void onChange(Consumer<String> topic) {}

    /**
     * Calls {@code topic} with the topic of each run that had nodes connected to a server process found dead since: this
     * process may have to give up on them once their grace is over. On a thread of the store's; nothing for a store of
     * one process.
     */
    default void onDeath(Consumer<String> topic) {}
}
