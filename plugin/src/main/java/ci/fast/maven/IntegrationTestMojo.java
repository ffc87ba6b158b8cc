package ci.fast.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the project's integration tests as nodes of a FastCI orchestrator, in Failsafe's place: Failsafe's parameters,
 * names, defaults and reports. As under Failsafe, test failures do not fail this goal: they go to
 * {@code failsafe-summary.xml}, so that {@code post-integration-test} still runs, and {@code fast-ci:verify} fails the
 * build from it. The integration tests are a run of their own ({@code it-<artifactId>}), shared by every node.
 */
@Mojo(
        name = "integration-test",
        defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class IntegrationTestMojo extends AbstractTestMojo {
    /** Skips running the tests (they are still compiled), as Failsafe's {@code skipTests}. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skips the integration tests only, as Failsafe's {@code skipITs}. */
    @Parameter(property = "skipITs", defaultValue = "false")
    boolean skipITs;

    /** Skips the tests altogether, as Maven's {@code maven.test.skip}. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skip;

    /** Skips running the tests, Failsafe's deprecated form of {@code skipTests}. */
    @Parameter(property = "maven.test.skip.exec")
    Boolean skipExec;

    /** Where TEST-*.xml and *.txt reports are written, as Failsafe's. */
    @Parameter(defaultValue = "${project.build.directory}/failsafe-reports")
    File reportsDirectory;

    /** The summary {@code verify} judges, as Failsafe's. */
    @Parameter(defaultValue = "${project.build.directory}/failsafe-reports/failsafe-summary.xml", required = true)
    File summaryFile;

    @Override
    Goal goal() {
        return Goal.INTEGRATION_TEST;
    }

    @Override
    boolean skipped() {
        return skip || skipTests || skipITs || Boolean.TRUE.equals(skipExec);
    }

    @Override
    File reportsDirectory() {
        return reportsDirectory;
    }

    @Override
    File summaryFile() {
        return summaryFile;
    }

    /**
     * Failsafe's rule: the tests run against the packaged jar when the module was packaged (so they see what is
     * shipped: shaded, filtered, signed), else against {@code classesDirectory}.
     */
    @Override
    Path mainClasses() {
        File artifact =
                project.getArtifact() == null ? null : project.getArtifact().getFile();
        if (artifact != null
                && artifact.isFile()
                && classesDirectory.toPath().equals(Path.of(project.getBuild().getOutputDirectory()))) {
            return artifact.toPath();
        }
        return classesDirectory.toPath();
    }
}
