package ci.fast.maven;

import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.SummaryLine;
import ci.fast.maven.run.RunOutcome;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Prints a run's summary as Surefire does and fails the build when a test failed, unless told to ignore it. */
final class Verdict {
    private final Log log;
    private final Path reportsDirectory;
    private final boolean ignoreFailures;
    /** Flakes that fail the build; 0: flakes never do. */
    private final int failOnFlakeCount;

    Verdict(Log log, Path reportsDirectory, boolean ignoreFailures) {
        this(log, reportsDirectory, ignoreFailures, 0);
    }

    Verdict(Log log, Path reportsDirectory, boolean ignoreFailures, int failOnFlakeCount) {
        this.log = log;
        this.reportsDirectory = reportsDirectory;
        this.ignoreFailures = ignoreFailures;
        this.failOnFlakeCount = failOnFlakeCount;
    }

    void judge(RunOutcome outcome) throws MojoFailureException {
        RunSummary summary = outcome.summary();
        log.info("");
        log.info("Results:");
        log.info("");
        for (SummaryLine line : summary.lines()) {
            // Not a test's own failure (a fork that died) still makes the totals an error, as it fails the build.
            SummaryLine.Level level =
                    outcome.failed() && line.text().startsWith("Tests run:") ? SummaryLine.Level.ERROR : line.level();
            switch (level) {
                case ERROR -> log.error(line.text());
                case WARN -> log.warn(line.text());
                case INFO -> log.info(line.text());
            }
        }
        for (String problem : outcome.problems()) {
            log.error(problem);
        }
        log.info("");
        if (!outcome.failed()) {
            judgeFlakes(summary.flakes());
            return;
        }
        StringBuilder message = new StringBuilder(
                summary.hasProblems() ? "There are test failures." : "The tests could not all be run.");
        summary.failureLines().forEach(line -> message.append("\n  ").append(line));
        summary.errorLines().forEach(line -> message.append("\n  ").append(line));
        outcome.problems().forEach(line -> message.append("\n  ").append(line));
        message.append("\n\nPlease refer to ").append(reportsDirectory).append(" for the individual test results.");
        if (ignoreFailures) {
            log.error(message.toString());
            return;
        }
        throw new MojoFailureException(message.toString());
    }

    /** Surefire's rule: reaching {@code failOnFlakeCount} fails the build, unless failures are ignored. */
    private void judgeFlakes(int flakes) throws MojoFailureException {
        if (failOnFlakeCount <= 0 || flakes < failOnFlakeCount) {
            return;
        }
        String message = "There " + (flakes == 1 ? "is 1 flake" : "are " + flakes + " flakes")
                + " and failOnFlakeCount is set to " + failOnFlakeCount + ".";
        if (ignoreFailures) {
            log.error(message);
            return;
        }
        throw new MojoFailureException(message);
    }
}
