package ci.fast.maven.run;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ConsoleFormat;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;

/**
 * Surefire's console lines for each class: what it printed (unless that goes to a file), then a line for each
 * container, the {@code @Nested} ones first, each counting the tests finished since the one before, and a line for
 * each failed test under a failed container's.
 */
final class ConsoleLines implements ResultListener {
    private final RunLog log;
    private final boolean showOutput;

    /** @param showOutput whether what a class printed is shown here, as when Surefire does not redirect it to a file */
    ConsoleLines(RunLog log, boolean showOutput) {
        this.log = log;
        this.showOutput = showOutput;
    }

    @Override
    public void classCompleted(ClassRun run) {
        ClassResult result = run.result();
        if (showOutput) {
            if (!result.stdout().isEmpty()) {
                log.output(result.stdout(), false);
            }
            if (!result.stderr().isEmpty()) {
                log.output(result.stderr(), true);
            }
        }
        for (ClassResult set : result.testSets()) {
            showLine(result, set);
        }
    }

    private static String trace(TestResult t) {
        String trace = t.stackTrace();
        return trace == null || trace.isBlank() ? "" : "\n" + trace.stripTrailing() + "\n";
    }

    private void showLine(ClassResult result, ClassResult set) {
        String line = ConsoleFormat.classLine(set);
        if (set.hasProblems()) {
            log.error(line);
            // As Surefire: the heading, then the problem's stack trace (as the reports keep it) and an empty line,
            // in one message, so the trace's lines carry no level of their own.
            set.tests().stream()
                    .filter(t -> t.isProblem())
                    .forEach(t -> log.error(ConsoleFormat.testLine(result.headingClass(t), t) + trace(t)));
        } else if (set.skipped() > 0) {
            log.warn(line);
        } else {
            log.info(line);
        }
    }
}
