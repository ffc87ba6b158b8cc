package ci.fast.maven.channel;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs timed work (heartbeats). Injected so that tests drive time by hand instead of sleeping. */
public interface Scheduler {
    /** Runs {@code task} every {@code period}, first after one period; the handle cancels it. */
    AutoCloseable every(Duration period, Runnable task);

    /** A scheduler on one daemon thread. */
    static Scheduler daemon(String name) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        return (period, task) -> {
            ScheduledFuture<?> future =
                    executor.scheduleAtFixedRate(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
            return () -> {
                future.cancel(false);
                executor.shutdown();
            };
        };
    }
}
