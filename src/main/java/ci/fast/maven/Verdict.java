package ci.fast.maven;

import ci.fast.maven.report.RunSummary;
import ci.fast.maven.run.RunOutcome;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Prints a run's summary as Surefire does and fails the build when a test failed, unless told to ignore it. */
final class Verdict {
    private final Log log;
    private final Path reportsDirectory;
    private final boolean ignoreFailures;

    Verdict(Log log, Path reportsDirectory, boolean ignoreFailures) {
        this.log = log;
        this.reportsDirectory = reportsDirectory;
        this.ignoreFailures = ignoreFailures;
    }

    void judge(RunOutcome outcome) throws MojoFailureException {
        RunSummary summary = outcome.summary();
        log.info("");
        log.info("Results:");
        log.info("");
        for (String line : summary.render()) {
            if (outcome.failed()) {
                log.error(line);
            } else {
                log.info(line);
            }
        }
        for (String problem : outcome.problems()) {
            log.error(problem);
        }
        log.info("");
        if (!outcome.failed()) {
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
}
