package ci.fast.maven.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what the server's runs did, since it started: what a metrics endpoint reads. Thread-safe.
 */
public final class ServerMetrics implements RunListener {
    private final AtomicLong joins = new AtomicLong();
    private final AtomicLong nodesLost = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong classesDone = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong runsFinished = new AtomicLong();
    private final AtomicLong runsEvicted = new AtomicLong();

    @Override
    public void nodeJoined(RunId run, int node, String from) {
        joins.incrementAndGet();
    }

    @Override
    public void batchHandedOut(RunId run, int node, List<String> keys) {
        if (!keys.isEmpty()) {
            batches.incrementAndGet();
        }
    }

    @Override
    public void classCompleted(RunId run, Result result) {
        classesDone.incrementAndGet();
    }

    @Override
    public void duplicateDropped(RunId run, String key) {
        duplicates.incrementAndGet();
    }

    @Override
    public void nodeLost(RunId run, int node, List<String> requeued) {
        nodesLost.incrementAndGet();
    }

    @Override
    public void runFinished(RunId run, RunProgress progress) {
        runsFinished.incrementAndGet();
    }

    @Override
    public void runEvicted(RunId run) {
        runsEvicted.incrementAndGet();
    }

    /** The counters now. */
    public Snapshot snapshot() {
        return new Snapshot(
                joins.get(),
                nodesLost.get(),
                batches.get(),
                classesDone.get(),
                duplicates.get(),
                runsFinished.get(),
                runsEvicted.get());
    }

    /**
     * The counters at one moment (each read on its own: they may be a call apart).
     *
     * @param joins nodes that joined a run
     * @param nodesLost nodes that left or were lost (a node that leaves after its last batch counts too)
     * @param batches non-empty batches handed out
     * @param classesDone classes that got their first result
     * @param duplicates second results dropped
     * @param runsFinished runs whose every class has a result
     * @param runsEvicted finished runs forgotten after their grace
     */
    public record Snapshot(
            long joins,
            long nodesLost,
            long batches,
            long classesDone,
            long duplicates,
            long runsFinished,
            long runsEvicted) {
        /** Runs finished and still remembered. */
        public long runsRemembered() {
            return runsFinished - runsEvicted;
        }
    }
}
