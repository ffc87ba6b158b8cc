package ci.fast.maven;

import ci.fast.maven.pom.InheritedPlugin;
import ci.fast.maven.pom.SurefireInheritance;
import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;

/**
 * Writes the last run's timeline page and summaries again, running no test: from the {@code TEST-*.xml} reports and
 * the record {@code fast-ci:test} leaves beside its page. With {@code fastCi.server} naming our own server
 * ({@code fast-ci:serve}), it first fetches the whole run's reports, every node's, into one {@code TEST-*.xml} set: for
 * a CI job that publishes one report for all nodes.
 */
@Mojo(name = "report", requiresProject = true, threadSafe = true)
public class ReportMojo extends AbstractMojo {
    /** Where the run's TEST-*.xml reports are, as Surefire's. */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports")
    File reportsDirectory;

    /**
     * Where the whole run's reports, fetched from our server, are written; unset: {@code reportsDirectory}. The page
     * and summaries are then of these.
     */
    @Parameter(property = "fastCi.mergedReportsDirectory")
    File mergedReportsDirectory;

    /** The orchestration server, as {@code fast-ci:test}'s; also read from {@code FAST_CI_SERVER}. Unset: local. */
    @Parameter(property = "fastCi.server")
    String server;

    /** The project's secret key for the server; prefer the environment variable {@code FAST_CI_SECRET_KEY}. */
    @Parameter(property = "fastCi.secretKey")
    String secretKey;

    /** The suite within the build, as {@code fast-ci:test}'s. Unset: {@code junit-<artifactId>}. */
    @Parameter(property = "fastCi.runKey")
    String runKey;

    /** On GitHub Actions: append the run's summary to the job's summary ({@code $GITHUB_STEP_SUMMARY}). */
    @Parameter(property = "fastCi.ciSummary", defaultValue = "true")
    boolean ciSummary;

    /** Skips the goal. */
    @Parameter(property = "fastCi.skipReport", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    MojoExecution mojoExecution;

    /** Applies the pom's Surefire configuration (its reportsDirectory) to this goal. */
    @Component(role = ComponentConfigurator.class, hint = "basic")
    ComponentConfigurator configurator;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        new SurefireInheritance(configurator, getLog(), InheritedPlugin.SUREFIRE, false)
                .apply(this, session, mojoExecution);
        if (skip) {
            getLog().info("fast-ci:report is skipped.");
            return;
        }
        try {
            new ReportGoal(project, session.getUserProperties(), getLog())
                    .run(new ReportGoal.Settings(
                            reportsDirectory.toPath(),
                            mergedReportsDirectory == null ? null : mergedReportsDirectory.toPath(),
                            server,
                            secretKey,
                            runKey != null ? runKey : Goal.TEST.runKeyPrefix + project.getArtifactId(),
                            ciSummary));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }
}
