package ci.fast.maven.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RunStore} in this JVM's memory: what a local run and a single {@code fast-ci:serve} use. Its runs are gone
 * with the process. Thread-safe as a map of runs; each run is guarded by its rules.
 */
public final class MemoryStore implements RunStore {
    private final Map<String, MemoryRun> runs = new ConcurrentHashMap<>();
    private final MemoryShares shares;

    /** A store that keeps the CI nodes' shares of the last {@value MemoryShares#DEFAULT_LINEAGES} builds. */
    public MemoryStore() {
        this(MemoryShares.DEFAULT_LINEAGES);
    }

    /** @param builds how many builds' CI node shares are kept, the least recently used forgotten first; at least 1 */
    public MemoryStore(int builds) {
        this.shares = new MemoryShares(builds);
    }

    @Override
    public StoredRun open(RunId id) {
        return runs.computeIfAbsent(id.topic(), topic -> new MemoryRun(id));
    }

    @Override
    public Set<String> topics() {
        return Set.copyOf(runs.keySet());
    }

    @Override
    public List<RunId> runs() {
        return runs.values().stream().map(MemoryRun::id).toList();
    }

    @Override
    public void delete(String topic) {
        runs.remove(topic);
    }

    @Override
    public NodeShares shares() {
        return shares;
    }
}
