package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.booter.TestOutcome;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TrimmedTraces;
import ci.fast.maven.results.ClassArrivals;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ClassStart;
import ci.fast.maven.results.ClassTimes;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.results.Summary;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes each class as forks start and complete it, and fans it out to listeners: the first result of a class wins,
 * its stack traces are trimmed if asked, it is stamped with its fork and the instants its start and its result
 * arrived, then each listener has it in turn. The run's summary and the classes' times are listeners the sink keeps,
 * for the run to read back; they are called after the given ones. The parts of a class split by method go to the
 * listeners as parts, then as one class once all have come (or, for those some of whose parts other nodes ran, when
 * the run finishes).
 *
 * <p>Thread-safe: forks' reader threads call in at once, and the sink calls its listeners under its lock, one event
 * at a time, so that lines and files never interleave.
 */
final class ResultSink {
    private final InstantSource clock;
    private final RunLog log;
    private final boolean trimStackTrace;
    private final List<ResultListener> listeners;
    private final Summary summary;
    private final ClassTimes times = new ClassTimes();
    /** One line per class a fork could not load. Guarded by {@code this}. */
    private final List<String> notLoadedLines = new ArrayList<>();
    /** Classes with a result taken. Guarded by {@code this}. */
    private final Set<String> reported = new HashSet<>();
    /** When each fork's classes without a result yet started. Guarded by {@code this}. */
    private final Map<Started, Instant> starts = new HashMap<>();
    /** The parts of split classes waiting for the rest of their class. Guarded by {@code this}. */
    private final SplitParts parts = new SplitParts();
    /** Whether {@link #runFinished()} was called. Guarded by {@code this}. */
    private boolean finished;

    /** A class a fork started. */
    private record Started(int fork, String className) {}

    /**
     * @param clock stamps each start and each result as it arrives
     * @param trimStackTrace Surefire's {@code trimStackTrace}: whether every listener sees only the test class's frames
     * @param layout the reports' layout, whose shape the summary's problem lines follow
     * @param listeners called in this order for each event, before the summary and the times
     */
    ResultSink(
            InstantSource clock,
            RunLog log,
            boolean trimStackTrace,
            ReportLayout layout,
            List<ResultListener> listeners) {
        this.clock = clock;
        this.summary = new Summary(layout);
        this.log = log;
        this.trimStackTrace = trimStackTrace;
        List<ResultListener> all = new ArrayList<>(listeners);
        all.add(summary);
        all.add(times);
        this.listeners = List.copyOf(all);
    }

    /** Where fork {@code number} hands over its classes' starts and results. */
    ClassArrivals fork(int number) {
        return new ClassArrivals() {
            @Override
            public void classStarted(String className) {
                started(number, className);
            }

            @Override
            public void accept(ClassResult result) {
                completed(number, result);
            }

            @Override
            public void reconnected() {
                ResultSink.this.reconnected(number);
            }
        };
    }

    /** Fork {@code fork}'s node is back after an outage. */
    synchronized void reconnected(int fork) {
        listeners.forEach(l -> l.reconnected(fork));
    }

    /** Fork {@code fork} says it starts {@code className}. */
    synchronized void started(int fork, String className) {
        Instant now = clock.instant();
        if (starts.putIfAbsent(new Started(fork, className), now) == null) {
            listeners.forEach(l -> l.classStarted(new ClassStart(fork, className, now)));
        }
    }

    /** A result no fork hands over, of a class no fork ran (every fork ended before it): {@link ClassRun#NO_FORK}. */
    void accept(ClassResult completed) {
        completed(ClassRun.NO_FORK, completed);
    }

    /** Called from forks' reader threads: fork {@code fork} has {@code completed}. */
    synchronized void completed(int fork, ClassResult completed) {
        Instant end = clock.instant();
        Instant start = starts.remove(new Started(fork, completed.className()));
        if (finished) {
            throw new IllegalStateException("a result for " + completed.className() + " after the run finished");
        }
        if (!reported.add(completed.className())) {
            // First result wins, as on the server: a class requeued after its fork died may come back.
            log.debug("dropped a second result for " + completed.className());
            return;
        }
        String notLoaded = notLoaded(completed);
        if (notLoaded != null) {
            // The fork's error, not a test's: as under Surefire no report, and the build fails whatever else.
            if (!notLoadedLines.contains(notLoaded)) { // once for a split class's every part
                notLoadedLines.add(notLoaded);
                log.error(notLoaded);
            }
            return;
        }
        // Once, before any listener: the reports, the console and the summary show the same traces.
        ClassResult result = trimStackTrace ? TrimmedTraces.of(completed) : completed;
        ClassRun run = new ClassRun(fork, start == null ? end : start, end, result);
        SplitKey part = SplitKey.parse(result.className());
        if (part == null) {
            listeners.forEach(l -> l.classCompleted(run));
            return;
        }
        listeners.forEach(l -> l.partCompleted(run));
        ClassRun whole = parts.add(part, run);
        // A class whose parts all ran nothing (every test filtered out) is not reported, as a whole class is not.
        if (whole != null && whole.result().run() > 0) {
            listeners.forEach(l -> l.classCompleted(whole));
        }
    }

    /** Every class has its result: tells the listeners, once; no result may come after. */
    synchronized void runFinished() {
        if (finished) {
            throw new IllegalStateException("the run finished already");
        }
        finished = true;
        for (ClassRun whole : parts.rest()) {
            if (whole.result().run() > 0) {
                listeners.forEach(l -> l.classCompleted(whole));
            }
        }
        RunSummary totals = summary.summary();
        listeners.forEach(l -> l.runFinished(totals));
    }

    /**
     * Ends the run for the listeners if it has not ended: a run that threw after its forks started (a fork that could
     * not be started, an interruption) must still stop its listeners' timers and write what they have.
     */
    synchronized void endIfRunning() {
        if (!finished) {
            runFinished();
        }
    }

    /** One line per class a fork could not load (its superclass missing, say): the fork's errors, not tests'. */
    synchronized List<String> notLoaded() {
        return List.copyOf(notLoadedLines);
    }

    private static String notLoaded(ClassResult result) {
        return result.tests().stream()
                .filter(t -> TestOutcome.NOT_LOADED.equals(t.failureType()))
                .map(TestResult::failureMessage)
                .findFirst()
                .orElse(null);
    }

    /** Whether {@code className} has a result already. */
    synchronized boolean hasReported(String className) {
        return reported.contains(className);
    }

    /**
     * Seconds from the start of the earliest class to the last result: the schedule's makespan, without the forks'
     * start-up before their first class and their exit after the last; 0 before any result.
     */
    double span() {
        return times.span();
    }

    /** The per-JVM cache of each reported class that had one. */
    Map<String, String> contexts() {
        return times.contexts();
    }

    /** Each reported class's test methods' seconds by name; empty for a class that may not be split. */
    Map<String, Map<String, Double>> methods() {
        return times.methods();
    }

    /** Each reported class's duration in seconds. */
    Map<String, Double> durations() {
        return times.durations();
    }

    RunSummary summary() {
        return summary.summary();
    }
}
