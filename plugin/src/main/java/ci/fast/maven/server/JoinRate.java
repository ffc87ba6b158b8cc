package ci.fast.maven.server;

import java.util.function.LongSupplier;

/**
 * How many joins one connection may still send: a bucket of {@code perMinute} joins, refilled at that rate, so that a
 * node's joins (one per run, one again per reconnect) always pass and a connection that floods the server with joins
 * is found. Guarded by {@code this}.
 */
final class JoinRate {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier clock;
    /** Joins left, in units of 1/{@link #MINUTE_NANOS} of a join, so that refilling needs no fractions. */
    private long left;

    private long last;

    JoinRate(int perMinute, LongSupplier clock) {
        this.perMinute = perMinute;
        this.clock = clock;
        this.last = clock.getAsLong();
        this.left = (long) perMinute * MINUTE_NANOS;
    }

    /** Takes one join; false when the connection has none left. */
    synchronized boolean take() {
        long now = clock.getAsLong();
        long full = (long) perMinute * MINUTE_NANOS;
        // perMinute joins per minute: each nanosecond adds perMinute units; after a minute the bucket is full anyway.
        left = Math.min(full, left + Math.min(now - last, MINUTE_NANOS) * perMinute);
        last = now;
        if (left < MINUTE_NANOS) {
            return false;
        }
        left -= MINUTE_NANOS;
        return true;
    }
}
