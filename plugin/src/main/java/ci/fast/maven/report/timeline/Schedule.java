package ci.fast.maven.report.timeline;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.results.ClassRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's classes laid out on their forks' lanes, with the figures that say how well the queue was shared.
 *
 * <p>The bound is what no schedule on {@code forks} forks can beat: the longest class, since it runs on one fork,
 * and the classes' total over the forks, since no fork runs two at once. A makespan near the bound leaves nothing to
 * win by ordering; far above it, the lanes' idle times say where the time went.
 *
 * @param lanes one per fork, the planned ones ({@code 1..forks}) always, a replacement fork's after them
 * @param unrun the classes no fork ran (every fork ended before them), outside the lanes
 * @param forks the forks that ran at once, as planned
 * @param wallSeconds from the run's start to its end, the forks' start-up and exit included
 * @param classSeconds the classes' bars added up
 * @param makespanSeconds from the earliest class's start to the last result
 * @param boundSeconds max(longest class, classSeconds / forks)
 * @param crashes the classes a fork died in
 * @param reconnects the outages of the forks' connections to the server that they came back from
 * @param tests the tests run, skipped ones included
 * @param problems the tests that failed or errored
 * @param skipped the tests skipped
 * @param flakes the tests that passed only on a rerun
 */
public record Schedule(
        List<Lane> lanes,
        List<ClassRun> unrun,
        int forks,
        double wallSeconds,
        double classSeconds,
        double makespanSeconds,
        double boundSeconds,
        int crashes,
        int reconnects,
        int tests,
        int problems,
        int skipped,
        int flakes) {
    public Schedule {
        lanes = List.copyOf(lanes);
        unrun = List.copyOf(unrun);
    }

    /**
     * @param runs every class with its result, in any order
     * @param forks how many forks the run planned, at least 1
     * @param reconnects the forks' outages they came back from
     * @param runStart when the run started, by the clock that stamped {@code runs}
     * @param runEnd when it ended
     */
    public static Schedule of(List<ClassRun> runs, int forks, int reconnects, Instant runStart, Instant runEnd) {
        if (forks < 1) {
            throw new IllegalArgumentException("a schedule needs at least 1 fork, was " + forks);
        }
        List<ClassRun> ran = runs.stream()
                .filter(r -> r.fork() != ClassRun.NO_FORK)
                .sorted(Comparator.comparing(ClassRun::start))
                .toList();
        Instant origin =
                ran.stream().map(ClassRun::start).min(Comparator.naturalOrder()).orElse(runStart);
        Instant last =
                ran.stream().map(ClassRun::end).max(Comparator.naturalOrder()).orElse(origin);
        double makespan = seconds(origin, last);
        Map<Integer, List<Bar>> byFork = new TreeMap<>();
        for (int fork = 1; fork <= forks; fork++) {
            byFork.put(fork, new ArrayList<>());
        }
        double total = 0;
        double longest = 0;
        int crashes = 0;
        for (ClassRun run : ran) {
            Bar bar = new Bar(
                    run, seconds(origin, run.start()), seconds(run.start(), run.end()), Outcome.of(run.result()));
            byFork.computeIfAbsent(run.fork(), f -> new ArrayList<>()).add(bar);
            total += bar.seconds();
            longest = Math.max(longest, bar.seconds());
            crashes += bar.outcome() == Outcome.CRASHED ? 1 : 0;
        }
        List<Lane> lanes = new ArrayList<>();
        byFork.forEach((fork, bars) -> {
            double busy = busy(bars);
            lanes.add(new Lane(fork, bars, busy, Math.max(0, makespan - busy)));
        });
        int tests = 0;
        int problems = 0;
        int skipped = 0;
        int flakes = 0;
        for (ClassRun run : runs) {
            ClassResult r = run.result();
            tests += r.run();
            problems += r.failures() + r.errors();
            skipped += r.skipped();
            flakes += r.flakes();
        }
        return new Schedule(
                lanes,
                runs.stream().filter(r -> r.fork() == ClassRun.NO_FORK).toList(),
                forks,
                seconds(runStart, runEnd),
                total,
                makespan,
                Math.max(longest, total / forks),
                crashes,
                reconnects,
                tests,
                problems,
                skipped,
                flakes);
    }

    /** The makespan over the bound: 1 is a perfect schedule; 1 too for a run of no time. */
    public double ratio() {
        return boundSeconds > 0 ? makespanSeconds / boundSeconds : 1;
    }

    /**
     * The union of the bars' spans: classes of one fork run one after the other, but a fork that runs classes in
     * parallel (JUnit's parallel execution) overlaps them, and its lane is busy once, not twice.
     */
    private static double busy(List<Bar> byStart) {
        double busy = 0;
        double coveredTo = Double.NEGATIVE_INFINITY;
        for (Bar bar : byStart) {
            double end = bar.from() + bar.seconds();
            if (end > coveredTo) {
                busy += end - Math.max(bar.from(), coveredTo);
                coveredTo = end;
            }
        }
        return busy;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toNanos() / 1e9);
    }
}
