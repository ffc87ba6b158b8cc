package ci.fast.maven.run;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ConsoleFormat;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;
import java.util.List;
import java.util.function.Consumer;

/**
 * Surefire's console lines for each class: what it printed (unless that goes to a file), then a line for each
 * container, the {@code @Nested} ones first, each counting the tests finished since the one before, and a line for
 * each failed test under a failed container's; with Surefire's {@code reportFormat=plain}, a line for every test, at
 * its container's level.
 */
final class ConsoleLines implements ResultListener {
    private final RunLog log;
    private final boolean showOutput;
    private final boolean classLines;
    private final ReportLayout layout;

    /**
     * @param showOutput whether what a class printed is shown here, as when Surefire does not redirect it to a file
     * @param classLines whether the class lines are shown: Surefire's {@code statelessTestsetInfoReporter} not disabled
     * @param layout which tests' lines are shown under a class line, as Surefire's {@code reportFormat} says
     */
    ConsoleLines(RunLog log, boolean showOutput, boolean classLines, ReportLayout layout) {
        this.log = log;
        this.showOutput = showOutput;
        this.classLines = classLines;
        this.layout = layout;
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
        if (classLines) {
            for (ClassResult report : layout.platform().reports(result)) {
                for (ClassResult set : report.testSets()) {
                    showLine(report, set);
                }
            }
        }
    }

    private static String trace(TestResult t) {
        String trace = t.stackTrace();
        return trace == null || trace.isBlank() ? "" : "\n" + trace.stripTrailing() + "\n";
    }

    private void showLine(ClassResult result, ClassResult set) {
        Consumer<String> level = set.hasProblems() ? log::error : set.skipped() > 0 ? log::warn : log::info;
        level.accept(ConsoleFormat.classLine(set));
        for (TestResult t : layout.testLines() ? set.tests() : List.<TestResult>of()) {
            if (t.isProblem()) {
                // As Surefire: the heading, then the problem's stack trace (as the reports keep it) and an empty
                // line, in one message, so the trace's lines carry no level of their own.
                level.accept(ConsoleFormat.testLine(result.headingClass(t), t) + trace(t));
            } else if (layout.plain()) {
                level.accept(ConsoleFormat.plainLine(result.headingClass(t), t));
            }
        }
    }
}
