package ci.fast.maven;

import ci.fast.maven.channel.Events;
import ci.fast.maven.config.CiEnvironment;
import ci.fast.maven.report.XmlReportWriter;
import ci.fast.maven.report.timeline.LastRun;
import ci.fast.maven.report.timeline.PastRun;
import ci.fast.maven.report.timeline.TimelineHint;
import ci.fast.maven.run.ReportExchange;
import ci.fast.maven.server.Report;
import ci.fast.maven.server.ReportArchive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
    /** The merged reports' classes that lack a report named in the warning, before "and N more". */
    private static final int NAMED = 10;

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
        Verdict.printSummary(log, past.summary(), List.of());
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

    /** Writes every report the server keeps of the run into {@code directory}; the classes without one are named. */
    private void fetch(RemoteTarget target, Path directory) throws MojoExecutionException, MojoFailureException {
        String topic =
                Events.topic(target.params().get("run_key"), target.params().get("build_id"));
        ReportArchive.Archived run;
        try {
            if (!ReportExchange.ours(target.server(), target.secret(), target.params())) {
                log.warn("fast-ci:report: " + target.server() + " is not our own server (fast-ci:serve), the only one"
                        + " that keeps every node's reports; reporting this machine's reports only");
                return;
            }
            run = new ReportExchange(target.server(), target.secret()).fetch(topic);
        } catch (IOException e) {
            throw new MojoFailureException("fast-ci:report: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while fetching the reports", e);
        }
        Set<String> reported = new HashSet<>();
        try {
            for (Report report : run.reports()) {
                if (!report.file().startsWith("TEST-") || !report.file().endsWith(".xml")) {
                    log.warn("fast-ci:report: the server's report of " + report.key() + " is named " + report.file()
                            + ", not TEST-*.xml; left out");
                    continue;
                }
                XmlReportWriter.writeText(directory, report.file(), report.xml());
                reported.add(report.key());
            }
        } catch (UncheckedIOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        log.info("fast-ci:report: " + reported.size() + " reports of " + topic + " from every node, written to "
                + directory);
        if (!run.finished()) {
            log.warn("fast-ci:report: " + topic + " has not finished: some classes have no result yet");
        }
        List<String> missing =
                run.classes().stream().filter(c -> !reported.contains(c)).toList();
        if (!missing.isEmpty()) {
            log.warn("fast-ci:report: " + missing.size() + " of the run's "
                    + run.classes().size()
                    + " classes have no report on the server (no node finished them, or a node could not hand its"
                    + " reports over): " + String.join(", ", missing.subList(0, Math.min(NAMED, missing.size())))
                    + (missing.size() > NAMED ? " and " + (missing.size() - NAMED) + " more" : ""));
        }
    }
}
