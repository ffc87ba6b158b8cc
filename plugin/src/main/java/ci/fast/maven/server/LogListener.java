package ci.fast.maven.server;

import java.util.List;
import java.util.function.Consumer;

/** The server's log: one line per join, rejoin, lost connection, node given up on, dropped duplicate, tenth of a run done, and finished run. */
final class LogListener implements RunListener {
    private final Consumer<String> log;

    LogListener(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public void nodeJoined(RunId run, int node, String from) {
        log.accept("node " + node + " joined " + run.topic() + " from " + from);
    }

    @Override
    public void nodeRejoined(RunId run, int node, String from) {
        log.accept("node " + node + " rejoined " + run.topic() + " from " + from + ": it keeps what it held");
    }

    @Override
    public void nodeAway(RunId run, int node, List<String> held) {
        log.accept("node " + node + " of " + run.topic() + " lost its connection holding " + held.size()
                + (held.size() == 1 ? " class" : " classes") + ": kept for it for up to "
                + Orchestrator.RECONNECT_GRACE.toSeconds() + " s");
    }

    @Override
    public void nodeLost(RunId run, int node, List<String> requeued) {
        if (!requeued.isEmpty()) {
            log.accept("node " + node + " of " + run.topic() + " is gone: " + requeued.size()
                    + (requeued.size() == 1 ? " class" : " classes") + " back to the queue");
        }
    }

    @Override
    public void duplicateDropped(RunId run, String key) {
        log.accept("run " + run.topic() + ": a second result for " + key + " dropped");
    }

    @Override
    public void runProgressed(RunId run, RunProgress p) {
        log.accept("run " + p.topic() + ": " + p.done() + " of " + p.classes() + " classes done, " + p.nodes()
                + (p.nodes() == 1 ? " node" : " nodes"));
    }

    @Override
    public void runFinished(RunId run, RunProgress p) {
        log.accept("run " + p.topic() + " finished: " + p.classes() + " classes, " + p.duplicates()
                + " duplicate results");
    }
}
