package ci.fast.maven.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The finished runs in the order they finished, each with when, so that those past their grace are found without a
 * walk over every run. Thread-safe.
 */
final class Evictions {
    private final long graceNanos;
    private final LongSupplier clock;
    /** Guarded by {@code this}; oldest first, since the clock only goes forward. */
    private final Deque<Finished> finished = new ArrayDeque<>();

    Evictions(long graceNanos, LongSupplier clock) {
        this.graceNanos = graceNanos;
        this.clock = clock;
    }

    /** {@code run} finished now. */
    synchronized void finished(RunId run) {
        finished.addLast(new Finished(run, clock.getAsLong()));
    }

    /** Takes the runs whose grace is over: finished at least the grace ago. */
    synchronized List<RunId> expired() {
        long now = clock.getAsLong();
        List<RunId> expired = new ArrayList<>();
        while (!finished.isEmpty() && now - finished.peekFirst().at() >= graceNanos) {
            expired.add(finished.pollFirst().run());
        }
        return expired;
    }

    private record Finished(RunId run, long at) {}
}
