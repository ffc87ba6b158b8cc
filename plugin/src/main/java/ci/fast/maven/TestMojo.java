package ci.fast.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the project's tests as nodes of a FastCI orchestrator, in Surefire's place: Surefire's parameters, names and
 * reports. With no server configured, it starts the orchestrator itself on loopback and runs the suite on
 * {@code forkCount} local forks, each a node pulling batches of classes. With {@code fastCi.server}, the forks join
 * that server's run with every other machine of the build.
 */
@Mojo(
        name = "test",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class TestMojo extends AbstractTestMojo {
    /** Skips running the tests (they are still compiled), as Surefire's {@code skipTests}. */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skips the tests altogether, as Maven's {@code maven.test.skip} (compilation is skipped too). */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean skip;

    /** Skips running the tests, Surefire's deprecated form of {@code skipTests}. */
    @Parameter(property = "maven.test.skip.exec")
    Boolean skipExec;

    /** Where TEST-*.xml and *.txt reports are written, as Surefire's. */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports")
    File reportsDirectory;

    @Override
    Goal goal() {
        return Goal.TEST;
    }

    @Override
    boolean skipped() {
        return skip || skipTests || Boolean.TRUE.equals(skipExec);
    }

    @Override
    File reportsDirectory() {
        return reportsDirectory;
    }
}
