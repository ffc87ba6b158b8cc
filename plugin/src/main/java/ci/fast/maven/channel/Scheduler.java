package ci.fast.maven.channel;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs timed work (heartbeats, reconnect backoff). Injected so that tests drive time by hand instead of sleeping. */
public interface Scheduler extends AutoCloseable {
    /** Runs {@code task} every {@code period}, first after one period; the handle cancels it. */
    AutoCloseable every(Duration period, Runnable task);

    /** Runs {@code task} once after {@code delay}; the handle cancels it. */
    AutoCloseable after(Duration delay, Runnable task);

    /** Blocks the caller for {@code wait} as this scheduler counts time, so that tests drive backoffs by hand. */
    default void pause(Duration wait) throws InterruptedException {
        CountDownLatch elapsed = new CountDownLatch(1);
        after(wait, elapsed::countDown);
        elapsed.await();
    }

    /** Stops the scheduler's own threads, if it has any; pending tasks are dropped. */
    @Override
    default void close() {}

    /**
     * A scheduler on one daemon thread, shared by every task given to it. A handle cancels its own task only: the
     * reconnect backoff and each connection's heartbeat come and go on the same thread.
     */
    static Scheduler daemon(String name) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
        return new Scheduler() {
            @Override
            public AutoCloseable every(Duration period, Runnable task) {
                ScheduledFuture<?> future =
                        executor.scheduleAtFixedRate(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public AutoCloseable after(Duration delay, Runnable task) {
                ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
