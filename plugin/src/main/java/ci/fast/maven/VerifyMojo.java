package ci.fast.maven;

import ci.fast.maven.pom.InheritedPlugin;
import ci.fast.maven.pom.SurefireInheritance;
import ci.fast.maven.report.FailedTests;
import ci.fast.maven.report.FailsafeSummary;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;

/**
 * Fails the build when the integration tests failed, from the summary {@code fast-ci:integration-test} (or Failsafe)
 * wrote, as Failsafe's {@code verify}: after {@code post-integration-test} has stopped what the tests needed.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresProject = true, threadSafe = true)
public class VerifyMojo extends AbstractMojo {
    /** Skips the check, as Maven's {@code maven.test.skip}. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skip;

    /** Skips the check, as Failsafe's {@code skipTests}. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skips the check, as Failsafe's {@code skipITs}. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /** Skips the check, Failsafe's deprecated form of {@code skipTests}. */
    @Parameter(property = "maven.test.skip.exec")
    Boolean skipExec;

    /** Reports failures without failing the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    /** Fails the build once this many tests were flaky (failed, then passed on a rerun), as Failsafe's; 0 never does. */
    @Parameter(property = "failsafe.failOnFlakeCount", defaultValue = "0")
    int failOnFlakeCount;

    /** Fails the build when no integration test ran. */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    boolean failIfNoTests;

    /** Where the reports are, for the failure's message. */
    @Parameter(defaultValue = "${project.build.directory}/failsafe-reports")
    File reportsDirectory;

    /** The summary to judge. */
    @Parameter(defaultValue = "${project.build.directory}/failsafe-reports/failsafe-summary.xml", required = true)
    File summaryFile;

    /** More summaries to judge with it, as Failsafe's {@code summaryFiles}. */
    @Parameter
    File[] summaryFiles;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    /** Applies the pom's Failsafe configuration (its reportsDirectory, summaryFile, testFailureIgnore …) to this goal. */
    @Component(role = ComponentConfigurator.class, hint = "basic")
    ComponentConfigurator configurator;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        // The same summary file and switches as the integration-test goal took from Failsafe's configuration.
        new SurefireInheritance(configurator, getLog(), InheritedPlugin.FAILSAFE, false)
                .apply(this, session, mojoExecution);
        if (skip || skipTests || skipITs || Boolean.TRUE.equals(skipExec)) {
            getLog().info("Tests are skipped.");
            return;
        }
        List<File> files = new ArrayList<>();
        files.add(summaryFile);
        if (summaryFiles != null) {
            files.addAll(List.of(summaryFiles));
        }
        FailsafeSummary total = null;
        for (File file : files) {
            if (!file.isFile()) {
                continue; // as Failsafe: a module whose integration tests did not run has nothing to judge
            }
            try {
                FailsafeSummary one = FailsafeSummary.read(file.toPath());
                total = total == null ? one : total.plus(one);
            } catch (UncheckedIOException | NumberFormatException e) {
                throw new MojoExecutionException(e.getMessage() + ": run fast-ci:integration-test again", e);
            }
        }
        if (total == null) {
            getLog().info("No integration test summary at " + summaryFile + "; nothing to verify.");
            return;
        }
        judge(total);
    }

    private void judge(FailsafeSummary summary) throws MojoFailureException {
        if (summary.completed() == 0 && failIfNoTests) {
            throw new MojoFailureException(
                    "No tests were executed!  (Set -DfailIfNoTests=false to ignore this error.)");
        }
        if (!summary.failed()) {
            judgeFlakes(summary.flakes());
            return;
        }
        // Failsafe 3.5.4's first lines, then what Failsafe leaves out: the failed tests by name, and what went wrong
        // outside them. Failsafe's last line, about dump files, is not there: fast-ci writes none.
        StringBuilder message = new StringBuilder("There are test failures.\n\nSee ")
                .append(reportsDirectory)
                .append(" for the individual test results.");
        List<String> failed = FailedTests.in(reportsDirectory.toPath());
        if (!failed.isEmpty()) {
            message.append("\nFailed tests:");
            failed.forEach(line -> message.append("\n  ").append(line));
        }
        if (!summary.failureMessage().isEmpty()) {
            message.append("\n  ").append(summary.failureMessage().replace("\n", "\n  "));
        }
        if (testFailureIgnore) {
            getLog().error(message.toString());
            return;
        }
        throw new MojoFailureException(message.toString());
    }

    private void judgeFlakes(int flakes) throws MojoFailureException {
        if (failOnFlakeCount < 0) {
            throw new MojoFailureException("Parameter \"failOnFlakeCount\" should not be negative, was "
                    + failOnFlakeCount + ": set it to 0 (off) or more.");
        }
        Verdict.judgeFlakes(getLog(), flakes, failOnFlakeCount, testFailureIgnore);
    }
}
