package ci.fast.maven.channel;

import java.time.Duration;
import java.util.List;

/**
 * How long a node waits before each reconnect: Phoenix's JavaScript client's steps (10, 50, 100, 150, 200, 250, 500,
 * 1000, 2000 ms), then every 5 s, until the waits add up to {@code total}. A function of the try count, so that tests
 * read it without a clock.
 */
public record Backoff(Duration total) {
    /** The default bound on one outage: two minutes of retries, about 25 tries. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMinutes(2));

    private static final List<Long> STEPS_MILLIS = List.of(10L, 50L, 100L, 150L, 200L, 250L, 500L, 1000L, 2000L);
    private static final long THEN_MILLIS = 5000;

    /** The wait before try {@code attempt} (1 for the first retry). */
    public static Duration delay(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
        return Duration.ofMillis(attempt <= STEPS_MILLIS.size() ? STEPS_MILLIS.get(attempt - 1) : THEN_MILLIS);
    }

    /** The wait before try {@code attempt}, or null when the waits so far have used up {@link #total}: give up. */
    public Duration next(int attempt) {
        long spent = 0;
        for (int i = 1; i < attempt; i++) {
            spent += delay(i).toMillis();
        }
        return spent >= total.toMillis() ? null : delay(attempt);
    }
}
