package ci.fast.maven.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Scheduler} whose time moves only when a test says so: {@link #tick()} runs the periodic tasks once,
 * {@link #runDelayed()} the one-shot tasks due so far.
 */
public final class ManualScheduler implements Scheduler {
    private final List<Runnable> tasks = new CopyOnWriteArrayList<>();
    private final List<Duration> periods = new CopyOnWriteArrayList<>();
    private final List<Runnable> delayed = new CopyOnWriteArrayList<>();
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable every(Duration period, Runnable task) {
        tasks.add(task);
        periods.add(period);
        return () -> tasks.remove(task);
    }

    @Override
    public AutoCloseable after(Duration delay, Runnable task) {
        delayed.add(task);
        delays.add(delay);
        return () -> delayed.remove(task);
    }

    /** Runs every scheduled task once, on the calling thread, as if one period had passed. */
    public void tick() {
        tasks.forEach(Runnable::run);
    }

    /** Runs the one-shot tasks scheduled so far, on the calling thread, as if their delay had passed. */
    public void runDelayed() {
        List<Runnable> due = new ArrayList<>(delayed);
        delayed.removeAll(due);
        due.forEach(Runnable::run);
    }

    /** The periods asked for, in order. */
    public List<Duration> periods() {
        return List.copyOf(periods);
    }

    /** The one-shot delays asked for, in order. */
    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** How many one-shot tasks wait. */
    public int waiting() {
        return delayed.size();
    }

    /** How many periodic tasks are scheduled and not cancelled. */
    public int scheduled() {
        return tasks.size();
    }
}
