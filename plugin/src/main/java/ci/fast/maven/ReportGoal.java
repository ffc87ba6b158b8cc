package ci.fast.maven;

import ci.fast.maven.config.CiEnvironment;
import ci.fast.maven.pom.SurefireProviders;
import ci.fast.maven.report.timeline.LastRun;
import ci.fast.maven.report.timeline.PastRun;
import ci.fast.maven.report.timeline.TimelineHint;
import ci.fast.maven.run.MergedReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * {@code fast-ci:report}'s work, the goal a shell over it: fetch the whole run's reports from our server when one is
 * named, then read the reports and the last run's record, write the timeline page, print the Results section and, on
 * GitHub Actions, append the job summary. Test failures fail nothing here: {@code fast-ci:test} judged them.
 */
final class ReportGoal {
    /**
     * @param reportsDirectory the run's reports
     * @param mergedDirectory where the server's merged reports go; null for {@code reportsDirectory}
     * @param server {@code fastCi.server}, or null ({@code FAST_CI_SERVER} is read then)
     * @param secretKey {@code fastCi.secretKey}, or null
     * @param runKey the run key, as the run's nodes had it
     * @param ciSummary whether GitHub's job summary is appended to, on GitHub Actions
     */
    record Settings(
            Path reportsDirectory,
            Path mergedDirectory,
            String server,
            String secretKey,
            String runKey,
            boolean ciSummary) {}

    private final MavenProject project;
    private final Properties userProperties;
    private final Log log;

    ReportGoal(MavenProject project, Properties userProperties, Log log) {
        this.project = project;
        this.userProperties = userProperties;
        this.log = log;
    }

    void run(Settings settings) throws MojoExecutionException, MojoFailureException {
        Path reports = settings.reportsDirectory();
        RemoteTarget target = RemoteTarget.resolve(
                settings.server(),
                settings.secretKey(),
                userProperties,
                project.getBasedir().toPath(),
                settings.runKey(),
                log);
        if (target != null) {
            reports = settings.mergedDirectory() == null ? reports : settings.mergedDirectory();
            fetch(target, reports);
        }
        Path buildDirectory = Path.of(project.getBuild().getDirectory());
        Path timeline = buildDirectory.resolve("fast-ci").resolve("timeline.html");
        PastRun past = PastRun.read(reports, LastRun.beside(timeline), log::warn);
        if (past.runs().isEmpty()) {
            log.warn("fast-ci:report: no TEST-*.xml report in " + reports + "; nothing to report (run fast-ci:test"
                    + " first)");
            return;
        }
        try {
            past.writePage(timeline, settings.runKey());
        } catch (IOException e) {
            throw new MojoExecutionException("fast-ci cannot write the timeline " + timeline + ": " + e, e);
        }
        if (past.note() != null) {
            log.info("fast-ci:report: " + past.note());
        }
        Verdict.printSummary(
                log,
                past.summary(),
                List.of(),
                Verdict.skippedAtInfo(
                        SurefireProviders.pluginVersion(project, "org.apache.maven.plugins:maven-surefire-plugin")));
        Path gitHub = settings.ciSummary() ? CiEnvironment.gitHubStepSummary(System.getenv()) : null;
        if (gitHub != null) {
            past.appendGitHubSummary(gitHub, settings.runKey(), log::warn);
        }
        log.info("fast-ci timeline: " + timeline.toAbsolutePath().toUri());
        Path gitLab = settings.ciSummary() ? CiEnvironment.gitLabProjectDir(System.getenv()) : null;
        if (gitLab != null) {
            log.info(TimelineHint.gitLab(timeline, gitLab));
        }
    }

    /** Writes every report the server keeps of the run into {@code directory}. */
    private void fetch(RemoteTarget target, Path directory) throws MojoExecutionException, MojoFailureException {
        try {
            MergedReports.fetch(target.server(), target.secret(), target.params(), directory, new MavenRunLog(log));
        } catch (IOException e) {
            throw new MojoFailureException("fast-ci:report: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while fetching the reports", e);
        }
    }
}
