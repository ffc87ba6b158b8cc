package ci.fast.maven.server;

import java.util.function.Consumer;

/** The server's log: one line per join, dropped duplicate, tenth of a run done, and finished run. */
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
