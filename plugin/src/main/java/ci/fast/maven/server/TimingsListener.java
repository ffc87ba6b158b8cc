package ci.fast.maven.server;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Adds each class's duration, whether it failed and the per-JVM cache it used, to the timing history under its run's key, and saves the history when a run finishes.
 * A class recorded as lost says nothing of its duration and is left out. A result recorded on another thread in the
 * moment a run finishes may reach the history just after that save: it is in memory, and on disk at the next one.
 */
final class TimingsListener implements RunListener {
    private final TimingHistory timings;
    /** Told when the history cannot be saved. */
    private final Consumer<String> log;

    TimingsListener(TimingHistory timings, Consumer<String> log) {
        this.timings = timings;
        this.log = log;
    }

    @Override
    public void classCompleted(RunId run, Result result) {
        if (!result.lost()) {
            timings.record(run.runKey(), result.key(), result.seconds(), "failed".equals(result.status()));
            if (!result.context().isEmpty()) {
                // So that the next run of the key hands a node the classes of the contexts it has built first.
                timings.recordContexts(run.runKey(), Map.of(result.key(), result.context()));
            }
        }
    }

    @Override
    public void runFinished(RunId run, RunProgress progress) {
        try {
            timings.save();
        } catch (IOException e) {
            log.accept("cannot save the timings of " + run.topic() + ": " + e.getMessage());
        }
    }
}
