package ci.fast.maven.results;

import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.report.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A line on the run's progress while it goes on, for a user who waits for a long suite: classes done of all, failed
 * tests so far, forks running a class, time elapsed and an estimate of what is left. A line comes at most every
 * {@link #AT_MOST} and at least every {@link #AT_LEAST}: soon after a class completes, and on a quiet run (one long
 * class) still often enough to show that it is alive. Nothing before the first class starts, nothing after the run.
 *
 * <p>Thread-safe: the scheduler's thread ticks while the forks' threads report; both take this object's lock.
 */
public final class Progress implements ResultListener {
    /** The shortest time between two lines. */
    public static final Duration AT_MOST = Duration.ofSeconds(2);
    /** The longest time between two lines while the run goes on. */
    public static final Duration AT_LEAST = Duration.ofSeconds(10);
    /** How often the clock is looked at: half the shortest gap, so a completed class shows within a second of it. */
    static final Duration TICK = Duration.ofSeconds(1);

    private final int classes;
    private final int forks;
    /** Whether the one node runs in Maven's JVM ({@code forkCount=0}): no fork to count. */
    private final boolean inMavenJvm;

    private final InstantSource clock;
    private final Scheduler scheduler;
    private final Consumer<String> out;
    private final Instant start;
    /** Classes started and not yet completed, per fork. Guarded by {@code this}. */
    private final Map<Integer, Integer> running = new HashMap<>();
    /** Guarded by {@code this}. */
    private int done;
    /** Tests that failed or errored so far. Guarded by {@code this}. */
    private int failed;
    /** The completed classes' times added up, in seconds. Guarded by {@code this}. */
    private double classSeconds;
    /** Whether a class started or completed since the last line. Guarded by {@code this}. */
    private boolean changed;
    /** When the last line was shown; the start before the first. Guarded by {@code this}. */
    private Instant lastLine;
    /** The ticking task; null before the first class starts and after the run. Guarded by {@code this}. */
    private AutoCloseable ticking;
    /** Whether the run finished: no line comes after. Guarded by {@code this}. */
    private boolean finished;

    /**
     * @param classes the classes the run has to run
     * @param forks how many forks run at once, for the estimate; 0 when the tests run in Maven's JVM
     *     ({@code forkCount=0}), which the line says instead of a count of forks
     * @param clock when the run started is when this progress is made; the sink's clock
     * @param scheduler ticks every {@link #TICK} from the first class on; closed when the run finishes
     * @param out takes each line
     */
    public Progress(int classes, int forks, InstantSource clock, Scheduler scheduler, Consumer<String> out) {
        this.classes = classes;
        this.forks = Math.max(1, forks);
        this.inMavenJvm = forks == 0;
        this.clock = clock;
        this.scheduler = scheduler;
        this.out = out;
        this.start = clock.instant();
        this.lastLine = start;
    }

    @Override
    public synchronized void classStarted(ClassStart start) {
        if (finished) {
            return;
        }
        running.merge(start.fork(), 1, Integer::sum);
        changed = true;
        if (ticking == null) {
            // From the first class on: a run that fails before its forks start leaves no thread ticking behind.
            ticking = scheduler.every(TICK, this::tick);
        }
    }

    /** A part's fork is free again; its class is done, and counted, once every part is. */
    @Override
    public synchronized void partCompleted(ClassRun part) {
        running.computeIfPresent(part.fork(), (fork, n) -> n > 1 ? n - 1 : null);
        changed = true;
    }

    @Override
    public synchronized void classCompleted(ClassRun run) {
        if (run.parts().isEmpty()) {
            running.computeIfPresent(run.fork(), (fork, n) -> n > 1 ? n - 1 : null);
        }
        done++;
        failed += run.result().failures() + run.result().errors();
        for (ClassRun ran : run.parts().isEmpty() ? List.of(run) : run.parts()) {
            classSeconds += Duration.between(ran.start(), ran.end()).toNanos() / 1e9;
        }
        changed = true;
    }

    @Override
    public synchronized void runFinished(RunSummary summary) {
        finished = true;
        ticking = null;
        // Closing the scheduler drops the ticking task with its thread.
        scheduler.close();
    }

    /** Shows a line if one is due: a change and {@link #AT_MOST} since the last, or {@link #AT_LEAST} in any case. */
    synchronized void tick() {
        if (finished) {
            return;
        }
        Instant now = clock.instant();
        Duration since = Duration.between(lastLine, now);
        if ((changed && since.compareTo(AT_MOST) >= 0) || since.compareTo(AT_LEAST) >= 0) {
            out.accept(line(now));
            lastLine = now;
            changed = false;
        }
    }

    /** The line, e.g. {@code fast-ci progress: 12/20 classes, 1 failed test, 2 forks active, 0:14 elapsed, ~0:08 left}. */
    synchronized String line(Instant now) {
        long active = running.size();
        String where = inMavenJvm ? "in Maven's JVM, " : active + (active == 1 ? " fork active, " : " forks active, ");
        return "fast-ci progress: " + done + "/" + classes + " classes, " + failed
                + (failed == 1 ? " failed test, " : " failed tests, ") + where + clock(Duration.between(start, now))
                + " elapsed, " + left();
    }

    /**
     * What is left: the mean time of the classes done so far, times the classes still to do, shared by the forks;
     * unknown before the first class completes.
     */
    private String left() {
        if (done == 0) {
            return "time left unknown until a class completes";
        }
        if (done >= classes) {
            return "finishing";
        }
        double seconds = classSeconds / done * (classes - done) / forks;
        return "~" + clock(Duration.ofMillis(Math.round(seconds * 1000))) + " left";
    }

    private static String clock(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
