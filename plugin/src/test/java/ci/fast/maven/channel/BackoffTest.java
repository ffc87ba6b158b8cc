package ci.fast.maven.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void followsPhoenixStepsThenEveryFiveSeconds() {
        List<Long> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 11; attempt++) {
            delays.add(Backoff.delay(attempt).toMillis());
        }
        assertEquals(List.of(10L, 50L, 100L, 150L, 200L, 250L, 500L, 1000L, 2000L, 5000L, 5000L), delays);
    }

    @Test
    void givesUpOnceTheWaitsAddUpToTheTotal() {
        Backoff backoff = Backoff.DEFAULT;
        long spent = 0;
        int attempt = 1;
        for (Duration wait = backoff.next(attempt); wait != null; wait = backoff.next(++attempt)) {
            spent += wait.toMillis();
        }
        // 4260 ms of steps, then 5 s waits until at least 120 s are spent: 24 waits of 5 s.
        assertEquals(4260 + 24 * 5000, spent);
        assertEquals(34, attempt, "the first attempt refused");
        assertNull(new Backoff(Duration.ZERO).next(1), "a zero total never retries");
    }

    @Test
    void refusesAttemptZero() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(0));
    }
}
