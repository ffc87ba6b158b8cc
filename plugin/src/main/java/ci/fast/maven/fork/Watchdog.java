package ci.fast.maven.fork;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Kills a fork, with every process it started, once it has lived longer than Surefire's
 * {@code forkedProcessTimeoutInSeconds}.
 */
final class Watchdog {
    private final Duration timeout;
    /** Completes when the timeout passes; cancelled when the fork ends first. Null when there is no limit. */
    private final CompletableFuture<Void> timer;

    private final AtomicBoolean fired = new AtomicBoolean();

    private Watchdog(Process process, Duration timeout) {
        this.timeout = timeout;
        this.timer = timeout.isZero()
                ? null
                : CompletableFuture.runAsync(
                        () -> kill(process),
                        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Starts watching {@code process}; a zero {@code timeout} watches nothing. */
    static Watchdog start(Process process, Duration timeout) {
        return new Watchdog(process, timeout);
    }

    private void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        fired.set(true);
        ProcessTree.kill(process);
    }

    /** Whether the fork was killed for its time. */
    boolean fired() {
        return fired.get();
    }

    /** The end of a fork killed for its time. */
    ForkExit.TimedOut exit() {
        return new ForkExit.TimedOut(timeout);
    }

    /** The fork ended: the timer must not fire on a later process. */
    void cancel() {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
