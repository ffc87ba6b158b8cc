package ci.fast.maven.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Totals of a whole run and the block Surefire prints after {@code Results:}. Thread-safe: classes may
 * be added from any thread as forks finish them.
 *
 * <p>Problem lines are ordered by class and test name, as Surefire does, so the summary does not depend
 * on which fork finished first.
 */
public final class RunSummary {

    /** A test to list: its sort key and its lines (one, or a heading and one per run). */
    private record Problem(String key, List<SummaryLine> lines) {}

    private static final Comparator<Problem> BY_KEY = Comparator.comparing(Problem::key);

    // All guarded by "this".
    private int testsRun;
    private int failures;
    private int errors;
    private int skipped;
    private int flakes;
    private final List<Problem> failureProblems = new ArrayList<>();
    private final List<Problem> errorProblems = new ArrayList<>();
    private final List<Problem> flakeProblems = new ArrayList<>();

    /** Counts the class's tests and remembers a summary line for each failed or errored one. */
    public synchronized void add(ClassResult r) {
        Objects.requireNonNull(r, "ClassResult");
        testsRun += r.run();
        failures += r.failures();
        errors += r.errors();
        skipped += r.skipped();
        flakes += r.flakes();
        for (TestResult t : r.tests()) {
            SummaryLine.Level level = t.isFlaky() ? SummaryLine.Level.WARN : SummaryLine.Level.ERROR;
            if (t.isFlaky()) {
                flakeProblems.add(problem(r.headingClass(t), t, level));
            } else if (t.isProblem()) {
                (t.status() == Status.FAILED ? failureProblems : errorProblems)
                        .add(problem(r.headingClass(t), t, level));
            }
        }
    }

    /**
     * A test run once is one line; a rerun test is its full name, then {@code Run N: ...} for each run and
     * {@code Run N: PASS} for the one that passed, as Surefire prints them.
     */
    private static Problem problem(String className, TestResult t, SummaryLine.Level level) {
        // Surefire names a test by its top-level class (a @Nested one's too; a suite member's by its own under the
        // JUnit
        // 4 provider, ClassResult.headingClass), and a class that failed as a whole (no test name) "<class>.null" here.
        String key = className + "." + (t.name().isEmpty() ? "null" : t.name());
        if (t.reruns().isEmpty()) {
            return new Problem(key, List.of(new SummaryLine(level, "  " + ProblemLine.of(className, t))));
        }
        List<SummaryLine> lines = new ArrayList<>();
        lines.add(new SummaryLine(level, key));
        List<TestResult> runs = new ArrayList<>();
        runs.add(t);
        runs.addAll(t.reruns());
        for (int i = 0; i < runs.size(); i++) {
            TestResult run = runs.get(i);
            lines.add(
                    run.status() == Status.PASSED
                            ? new SummaryLine(SummaryLine.Level.INFO, "  Run " + (i + 1) + ": PASS")
                            : new SummaryLine(
                                    SummaryLine.Level.ERROR,
                                    "  Run " + (i + 1) + ": " + ProblemLine.of(className, run)));
        }
        lines.add(new SummaryLine(SummaryLine.Level.INFO, ""));
        return new Problem(key, lines);
    }

    public synchronized int testsRun() {
        return testsRun;
    }

    public synchronized int failures() {
        return failures;
    }

    public synchronized int errors() {
        return errors;
    }

    public synchronized int skipped() {
        return skipped;
    }

    /** Tests that failed, then passed on a rerun. */
    public synchronized int flakes() {
        return flakes;
    }

    /** True if any test failed or errored: the run must fail the build unless failures are ignored. */
    public synchronized boolean hasProblems() {
        return failures + errors > 0;
    }

    /** One line per failed test, e.g. {@code FooTest.divides:12 expected: <2> but was: <3>}. */
    public synchronized List<String> failureLines() {
        return sortedLines(failureProblems);
    }

    /** One line per errored test, e.g. {@code FooTest.reads:30 » IllegalState boom}. */
    public synchronized List<String> errorLines() {
        return sortedLines(errorProblems);
    }

    /**
     * The lines Surefire prints after {@code Results:} and its blank line: {@code "Failures: "},
     * {@code "Errors: "} and {@code "Flakes: "} sections (each only if not empty) with lines indented by two
     * spaces, a blank line if there was a section, then the totals line.
     */
    public synchronized List<String> render() {
        return lines().stream().map(SummaryLine::text).toList();
    }

    /** {@link #render()}'s lines with the level Surefire before 3.5.6 logs each at. */
    public List<SummaryLine> lines() {
        return lines(false);
    }

    /**
     * {@link #render()}'s lines with the level Surefire logs each at: the totals of a run whose tests passed or were
     * skipped at WARN before Surefire 3.5.6, at INFO from it on ({@code skippedAtInfo}); flakes at WARN in both.
     */
    public synchronized List<SummaryLine> lines(boolean skippedAtInfo) {
        List<SummaryLine> lines = new ArrayList<>();
        section("Failures: ", SummaryLine.Level.ERROR, failureProblems, lines);
        section("Errors: ", SummaryLine.Level.ERROR, errorProblems, lines);
        section("Flakes: ", SummaryLine.Level.WARN, flakeProblems, lines);
        if (!lines.isEmpty() && !lines.get(lines.size() - 1).text().isEmpty()) {
            lines.add(new SummaryLine(SummaryLine.Level.INFO, ""));
        }
        String totals = ConsoleFormat.totalsLine(testsRun, failures, errors, skipped)
                + (flakes > 0 ? ", Flakes: " + flakes : "");
        SummaryLine.Level level = hasProblems()
                ? SummaryLine.Level.ERROR
                : flakes > 0 || skipped > 0 && !skippedAtInfo ? SummaryLine.Level.WARN : SummaryLine.Level.INFO;
        lines.add(new SummaryLine(level, totals));
        return List.copyOf(lines);
    }

    private static void section(
            String header, SummaryLine.Level level, List<Problem> problems, List<SummaryLine> lines) {
        if (problems.isEmpty()) {
            return;
        }
        lines.add(new SummaryLine(level, header));
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(BY_KEY); // stable: equal keys keep the order they arrived in
        sorted.forEach(p -> lines.addAll(p.lines()));
    }

    /** Each listed test's lines, without the indent, for the build's failure message. */
    private static List<String> sortedLines(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(BY_KEY); // stable: equal keys keep the order they arrived in
        return sorted.stream()
                .flatMap(p -> p.lines().stream())
                .map(l -> l.text().strip())
                .filter(l -> !l.isEmpty())
                .toList();
    }
}
