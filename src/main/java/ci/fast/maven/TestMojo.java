package ci.fast.maven;

import ci.fast.maven.config.ForkCount;
import ci.fast.maven.discovery.TestClassScanner;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.fork.PlatformArtifacts;
import ci.fast.maven.run.LocalRun;
import ci.fast.maven.run.RemoteRun;
import ci.fast.maven.run.RunLog;
import ci.fast.maven.run.RunOutcome;
import ci.fast.maven.run.RunPlan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.cli.CommandLineUtils;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Runs the project's tests as nodes of a FastCI orchestrator. With no server configured, it starts the orchestrator
 * itself on loopback and runs the suite on {@code forkCount} local forks, each a node pulling batches of classes.
 * With {@code fastCi.server}, the forks join that server's run with every other machine of the build.
 */
@Mojo(
        name = "test",
        defaultPhase = LifecyclePhase.TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class TestMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Component
    private RepositorySystem repositorySystem;

    /** Skips running the tests (they are still compiled), as Surefire's {@code skipTests}. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Skips the tests altogether, as Maven's {@code maven.test.skip} (compilation is skipped too). */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean skip;

    /** Reports test failures without failing the build, as Surefire's {@code testFailureIgnore}. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    /**
     * How many forked JVMs run tests at once; each is one node of the run. A number, or forks per core such as
     * {@code 2C}, as Surefire's {@code forkCount}.
     */
    @Parameter(property = "fastCi.forkCount", defaultValue = "1")
    private String forkCount;

    /**
     * The orchestration server's base URL, such as {@code wss://apx.ruby.ci:443}. Unset: local mode, with an
     * embedded orchestrator. Also read from the environment variable {@code FAST_CI_SERVER}.
     */
    @Parameter(property = "fastCi.server")
    private String server;

    /**
     * The project's secret key for remote mode. Prefer the environment variable {@code FAST_CI_SECRET_KEY}: a key
     * written in a pom is visible to anyone who can read the project.
     */
    @Parameter(property = "fastCi.secretKey")
    private String secretKey;

    /**
     * In remote mode, when the server cannot be reached at the start (after retrying for about 20 s): run this
     * node's share of the classes locally with a prominent warning, instead of failing. Its share is every class, or,
     * where the CI says which node this is, a deterministic part. A refused key never falls back, nor a CI retry.
     */
    @Parameter(property = "fastCi.fallback", defaultValue = "true")
    private boolean fallback;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** The suite within the build; every module needs its own. */
    @Parameter(property = "fastCi.runKey", defaultValue = "junit-${project.artifactId}")
    private String runKey;

    /** JVM options for the forks, as Surefire's {@code argLine}. */
    @Parameter(property = "argLine")
    private String argLine;

    /** System properties set in the forks, as Surefire's {@code systemPropertyVariables}. */
    @Parameter
    private Map<String, String> systemPropertyVariables;

    /** Environment variables added to the forks', as Surefire's {@code environmentVariables}. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** The forks' working directory. */
    @Parameter(property = "basedir", defaultValue = "${basedir}")
    private File workingDirectory;

    /** The java executable of the forks; defaults to the one running Maven. */
    @Parameter(property = "jvm")
    private String jvm;

    /**
     * Kills a fork that runs longer than this many seconds, as Surefire's {@code forkedProcessTimeoutInSeconds}; the
     * class it was running is reported as an error and a replacement fork goes on with the queue. 0: no limit.
     */
    @Parameter(property = "surefire.timeout", defaultValue = "0")
    private int forkedProcessTimeoutInSeconds;

    /** Test class patterns, as Surefire's {@code includes}. Default: Surefire's. */
    @Parameter
    private List<String> includes;

    /** Test class patterns to leave out, as Surefire's {@code excludes}. Default: nested classes. */
    @Parameter
    private List<String> excludes;

    /** Where the compiled test classes are. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}")
    private File testClassesDirectory;

    /**
     * Where local mode keeps each test class's last duration, to hand out the longest classes first next time. Point
     * it at a directory your CI caches to keep the history between builds.
     */
    @Parameter(property = "fastCi.timingsFile", defaultValue = "${project.build.directory}/fast-ci/timings.json")
    private File timingsFile;

    /** Where TEST-*.xml and *.txt reports are written, as Surefire's. */
    @Parameter(defaultValue = "${project.build.directory}/surefire-reports")
    private File reportsDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipTests) {
            getLog().info("Tests are skipped.");
            return;
        }
        RemoteTarget target = RemoteTarget.resolve(
                server,
                secretKey,
                session.getUserProperties(),
                project.getBasedir().toPath(),
                runKey,
                getLog());
        List<String> classes = TestClassScanner.scan(
                testClassesDirectory.toPath(),
                includes == null || includes.isEmpty() ? TestClassScanner.DEFAULT_INCLUDES : includes,
                excludes == null || excludes.isEmpty() ? TestClassScanner.DEFAULT_EXCLUDES : excludes);
        if (classes.isEmpty()) {
            getLog().info("No tests to run.");
            return;
        }
        RunOutcome outcome;
        try {
            RunPlan plan = new RunPlan(classes, forks(), forkOptions(), runKey, reportsDirectory.toPath());
            RunLog log = new MavenRunLog(getLog());
            outcome = target == null
                    ? new LocalRun(plan, log, timingsFile.toPath()).execute()
                    : new RemoteRun(
                                    plan,
                                    target.server(),
                                    target.secret(),
                                    target.params(),
                                    target.fallback(fallback),
                                    log)
                            .execute();
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("fast-ci could not run the tests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while running the tests", e);
        }
        new Verdict(getLog(), reportsDirectory.toPath(), testFailureIgnore).judge(outcome);
    }

    private int forks() {
        return ForkCount.parse(forkCount, Runtime.getRuntime().availableProcessors());
    }

    private ForkOptions forkOptions() throws MojoExecutionException {
        List<Path> classPath = new ArrayList<>();
        try {
            project.getTestClasspathElements().forEach(element -> classPath.add(Path.of(element)));
            classPath.addAll(
                    new PlatformArtifacts(repositorySystem, repositorySession, project.getRemoteProjectRepositories())
                            .resolve(project.getArtifacts()));
        } catch (DependencyResolutionRequiredException | DependencyResolutionException e) {
            throw new MojoExecutionException("cannot resolve the test class path: " + e.getMessage(), e);
        }
        Path pluginJar = plugin.getPluginArtifact().getFile().toPath();
        classPath.add(pluginJar);
        List<Path> isolated = new ArrayList<>();
        isolated.add(pluginJar);
        for (Artifact artifact : plugin.getArtifacts()) {
            isolated.add(artifact.getFile().toPath());
        }
        List<String> jvmArguments = new ArrayList<>();
        if (argLine != null && !argLine.isBlank()) {
            try {
                jvmArguments.addAll(List.of(CommandLineUtils.translateCommandline(argLine)));
            } catch (Exception e) {
                throw new MojoExecutionException("argLine cannot be parsed: " + e.getMessage());
            }
        }
        if (systemPropertyVariables != null) {
            systemPropertyVariables.forEach((k, v) -> jvmArguments.add("-D" + k + "=" + (v == null ? "" : v)));
        }
        Path java =
                jvm != null && !jvm.isBlank() ? Path.of(jvm) : Path.of(System.getProperty("java.home"), "bin", "java");
        return new ForkOptions(
                java,
                jvmArguments,
                classPath,
                isolated,
                workingDirectory.toPath(),
                environmentVariables == null ? Map.of() : environmentVariables,
                Path.of(project.getBuild().getDirectory(), "fast-ci"),
                Duration.ofSeconds(forkedProcessTimeoutInSeconds));
    }
}
