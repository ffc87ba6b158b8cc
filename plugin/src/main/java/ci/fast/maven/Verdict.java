package ci.fast.maven;

import ci.fast.maven.config.RunSettings;
import ci.fast.maven.config.VersionNumber;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.SummaryLine;
import ci.fast.maven.run.RunOutcome;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Prints a run's summary as Surefire does and fails the build when a test failed, unless told to ignore it. A failure
 * that is no test's own (a fork that could not run its node, or died) fails the build even then, as Surefire's "There
 * was an error in the forked process" does.
 */
final class Verdict {
    private final Log log;
    private final Path reportsDirectory;
    private final boolean ignoreFailures;
    /** Flakes that fail the build; 0: flakes never do. */
    private final int failOnFlakeCount;
    /** Whether the Results section is printed; the build's failure names the failed tests either way. */
    private final boolean printSummary;
    /** Whether the totals of a run with skipped tests and no problem are INFO, as from Surefire 3.5.6 on. */
    private final boolean skippedAtInfo;

    Verdict(Log log, Path reportsDirectory, RunSettings.Verdict settings, boolean printSummary, boolean skippedAtInfo) {
        this.log = log;
        this.reportsDirectory = reportsDirectory;
        this.ignoreFailures = settings.testFailureIgnore();
        this.failOnFlakeCount = settings.failOnFlakeCount();
        this.printSummary = printSummary;
        this.skippedAtInfo = skippedAtInfo;
    }

    /**
     * Whether Surefire (or Failsafe) at {@code version} logs the totals of a run whose tests passed or were skipped at
     * INFO: from 3.5.6 on; null (no version known) counts as the newest.
     */
    static boolean skippedAtInfo(String version) {
        return !VersionNumber.below(version, 3, 5, 6);
    }

    void judge(RunOutcome outcome) throws MojoFailureException {
        RunSummary summary = outcome.summary();
        if (printSummary) {
            printSummary(outcome);
        }
        if (!outcome.failed()) {
            judgeFlakes(summary.flakes());
            return;
        }
        fail(outcome);
    }

    /** Prints the Results section, as Surefire and Failsafe do at the end of a run. */
    void printSummary(RunOutcome outcome) {
        printSummary(log, outcome.summary(), outcome.problems(), skippedAtInfo);
    }

    /** The Results section of {@code summary}, then {@code problems}: a run's, or one {@code fast-ci:report} read. */
    static void printSummary(Log log, RunSummary summary, List<String> problems, boolean skippedAtInfo) {
        log.info("");
        log.info("Results:");
        log.info("");
        for (SummaryLine line : summary.lines(skippedAtInfo)) {
            // At the tests' own level, as Surefire: a fork's error alone leaves the totals at INFO.
            switch (line.level()) {
                case ERROR -> log.error(line.text());
                case WARN -> log.warn(line.text());
                case INFO -> log.info(line.text());
            }
        }
        for (String problem : problems) {
            log.error(problem);
        }
        log.info("");
    }

    private void fail(RunOutcome outcome) throws MojoFailureException {
        RunSummary summary = outcome.summary();
        StringBuilder message = new StringBuilder(
                summary.hasProblems() ? "There are test failures." : "The tests could not all be run.");
        summary.failureLines().forEach(line -> message.append("\n  ").append(line));
        summary.errorLines().forEach(line -> message.append("\n  ").append(line));
        outcome.problems().forEach(line -> message.append("\n  ").append(line));
        message.append("\n\nPlease refer to ").append(reportsDirectory).append(" for the individual test results.");
        if (ignoreFailures && outcome.problems().isEmpty()) {
            log.error(message.toString());
            return;
        }
        throw new MojoFailureException(message.toString());
    }

    /** Surefire's rule: reaching {@code failOnFlakeCount} fails the build, unless failures are ignored. */
    private void judgeFlakes(int flakes) throws MojoFailureException {
        judgeFlakes(log, flakes, failOnFlakeCount, ignoreFailures);
    }

    /** The rule for any goal that judges flakes: {@code test}, and {@code verify} from the summary. */
    static void judgeFlakes(Log log, int flakes, int failOnFlakeCount, boolean ignoreFailures)
            throws MojoFailureException {
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
