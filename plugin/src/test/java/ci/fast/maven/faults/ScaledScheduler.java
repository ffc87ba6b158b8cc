package ci.fast.maven.faults;

import ci.fast.maven.channel.Scheduler;
import java.time.Duration;

/**
 * A real scheduler on which every period and delay is {@code divisor} times shorter: the fault suite runs real
 * sessions over real sockets through heartbeats and backoffs of production shape, in seconds instead of minutes.
 */
public final class ScaledScheduler implements Scheduler {
    private final Scheduler real;
    private final int divisor;

    public ScaledScheduler(String name, int divisor) {
        this.real = Scheduler.daemon(name);
        this.divisor = divisor;
    }

    @Override
    public AutoCloseable every(Duration period, Runnable task) {
        return real.every(period.dividedBy(divisor), task);
    }

    @Override
    public AutoCloseable after(Duration delay, Runnable task) {
        return real.after(delay.dividedBy(divisor), task);
    }
}
