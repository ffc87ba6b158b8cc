package ci.fast.maven.channel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Scheduler} whose time moves only when a test calls {@link #tick()}. */
public final class ManualScheduler implements Scheduler {
    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
    private final List<Duration> periods = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable every(Duration period, Runnable task) {
        tasks.add(task);
        periods.add(period);
        return () -> tasks.remove(task);
    }

    /** Runs every scheduled task once, on the calling thread, as if one period had passed. */
    public void tick() {
        tasks.forEach(Runnable::run);
    }

    /** The periods asked for, in order. */
    public List<Duration> periods() {
        return List.copyOf(periods);
    }

    /** How many tasks are scheduled and not cancelled. */
    public int scheduled() {
        return tasks.size();
    }
}
