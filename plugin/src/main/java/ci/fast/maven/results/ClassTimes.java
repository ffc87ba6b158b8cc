package ci.fast.maven.results;

import ci.fast.maven.booter.SplitKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each class's duration and the per-JVM cache it used, for the timing history that orders the next run, and the
 * span of the whole schedule.
 * Thread-safe: the run reads it while no fork is left, but from its own thread.
 */
public final class ClassTimes implements ResultListener {
    /** Each class's duration in seconds, as its fork measured it. Guarded by {@code this}. */
    private final Map<String, Double> durations = new HashMap<>();
    /** Each class's per-JVM cache, for those that have one. Guarded by {@code this}. */
    private final Map<String, String> contexts = new HashMap<>();
    /**
     * Each class's test methods' seconds by name, empty for a class that may not be split by method. Guarded by
     * {@code this}.
     */
    private final Map<String, Map<String, Double>> methods = new HashMap<>();
    /** The earliest class's start; null before the first result. Guarded by {@code this}. */
    private Instant firstStart;
    /** The latest result's arrival; null before the first. Guarded by {@code this}. */
    private Instant lastEnd;

    /**
     * A class no fork ran (every fork ended before it, or forks died before starting it) has no duration: it is
     * reported, but kept out of the history, whose next run would otherwise order it by a time nobody measured.
     */
    @Override
    public synchronized void classCompleted(ClassRun run) {
        if (run.fork() == ClassRun.NO_FORK) {
            return;
        }
        firstStart = firstStart == null || run.start().isBefore(firstStart) ? run.start() : firstStart;
        lastEnd = lastEnd == null || run.end().isAfter(lastEnd) ? run.end() : lastEnd;
        if (!run.parts().isEmpty()
                && run.parts().size()
                        < SplitKey.parse(run.parts().get(0).className()).parts()) {
            return; // other nodes ran the rest of it: this node knows neither its duration nor all its methods
        }
        durations.put(run.className(), run.result().seconds());
        methods.put(run.className(), run.result().methods());
        if (!run.result().context().isEmpty()) {
            contexts.put(run.className(), run.result().context());
        }
    }

    /** Each class's duration in seconds, as its fork measured it. */
    public synchronized Map<String, Double> durations() {
        return Map.copyOf(durations);
    }

    /** Each class's test methods' seconds by name; empty for a class that may not be split by method. */
    public synchronized Map<String, Map<String, Double>> methods() {
        return Map.copyOf(methods);
    }

    /** The per-JVM cache of each class that had one, as its fork named it ({@code ContextKey}). */
    public synchronized Map<String, String> contexts() {
        return Map.copyOf(contexts);
    }

    /**
     * Seconds from the start of the earliest class to the last result: the schedule's makespan, without the forks'
     * start-up before their first class and their exit after the last; 0 before any result.
     */
    public synchronized double span() {
        return firstStart == null ? 0 : Duration.between(firstStart, lastEnd).toNanos() / 1e9;
    }
}
