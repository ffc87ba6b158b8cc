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

    private record Problem(String key, String line) {}

    private static final Comparator<Problem> BY_KEY = Comparator.comparing(Problem::key);

    // All guarded by "this".
    private int testsRun;
    private int failures;
    private int errors;
    private int skipped;
    private final List<Problem> failureProblems = new ArrayList<>();
    private final List<Problem> errorProblems = new ArrayList<>();

    /** Counts the class's tests and remembers a summary line for each failed or errored one. */
    public synchronized void add(ClassResult r) {
        Objects.requireNonNull(r, "ClassResult");
        testsRun += r.run();
        failures += r.failures();
        errors += r.errors();
        skipped += r.skipped();
        for (TestResult t : r.tests()) {
            if (t.isProblem()) {
                Problem p = new Problem(t.className() + "." + t.name(), ProblemLine.of(t));
                (t.status() == Status.FAILED ? failureProblems : errorProblems).add(p);
            }
        }
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
     * The lines Surefire prints after {@code Results:} and its blank line: {@code "Failures: "} and
     * {@code "Errors: "} sections (each only if not empty) with lines indented by two spaces, a blank line
     * if there was a section, then the totals line.
     */
    public synchronized List<String> render() {
        List<String> lines = new ArrayList<>();
        section("Failures: ", failureLines(), lines);
        section("Errors: ", errorLines(), lines);
        if (!lines.isEmpty()) {
            lines.add("");
        }
        lines.add(ConsoleFormat.totalsLine(testsRun, failures, errors, skipped));
        return List.copyOf(lines);
    }

    private static void section(String header, List<String> entries, List<String> lines) {
        if (entries.isEmpty()) {
            return;
        }
        lines.add(header);
        for (String entry : entries) {
            lines.add("  " + entry);
        }
    }

    private static List<String> sortedLines(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(BY_KEY); // stable: equal keys keep the order they arrived in
        return sorted.stream().map(Problem::line).toList();
    }
}
