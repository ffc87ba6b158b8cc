package ci.fast.maven;

import ci.fast.maven.booter.TestFilters;
import ci.fast.maven.config.ForkCount;
import ci.fast.maven.discovery.DependenciesToScan;
import ci.fast.maven.discovery.TestSelection;
import ci.fast.maven.fork.ForkJvm;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.fork.ForkSystemProperties;
import ci.fast.maven.fork.PlatformArtifacts;
import ci.fast.maven.pom.SurefireInheritance;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.run.LocalRun;
import ci.fast.maven.run.RemoteRun;
import ci.fast.maven.run.RunLog;
import ci.fast.maven.run.RunOutcome;
import ci.fast.maven.run.RunPlan;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
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

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    /** What Maven configured this mojo with: the pom's Surefire configuration is applied with it too. */
    @Component(role = ComponentConfigurator.class, hint = "basic")
    private ComponentConfigurator configurator;

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

    /**
     * JVM options for the forks, as Surefire's {@code argLine}. {@code @{name}} is replaced by the property's value when
     * the tests run, so {@code @{argLine} -Xmx512m} keeps what JaCoCo's {@code prepare-agent} set.
     */
    @Parameter(property = "argLine")
    private String argLine;

    /**
     * System properties set in the forks, as Surefire's {@code systemPropertyVariables}. The build's user properties
     * ({@code -Dname=value}), {@code basedir} and {@code localRepository} are set too.
     */
    @Parameter
    private Map<String, String> systemPropertyVariables;

    /** Environment variables added to the forks', as Surefire's {@code environmentVariables}. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** The forks' working directory, created if missing, as Surefire's. */
    @Parameter(property = "basedir", defaultValue = "${basedir}")
    private File workingDirectory;

    /** The java executable of the forks; defaults to the one running Maven. */
    @Parameter(property = "jvm")
    private String jvm;

    /**
     * Writes what each test class prints to {@code <class>-output.txt} in the reports directory instead of the
     * console, as Surefire's {@code redirectTestOutputToFile}. The XML reports keep it either way.
     */
    @Parameter(property = "maven.test.redirectTestOutputToFile", defaultValue = "false")
    private boolean redirectTestOutputToFile;

    /**
     * Keeps only the test class's own frames of a failure's stack trace in the reports, as Surefire's
     * {@code trimStackTrace} (default false since Surefire 3).
     */
    @Parameter(property = "trimStackTrace", defaultValue = "false")
    private boolean trimStackTrace;

    /** Runs the forks with assertions enabled ({@code -ea}), as Surefire's {@code enableAssertions}. */
    @Parameter(property = "enableAssertions", defaultValue = "true")
    private boolean enableAssertions;

    /**
     * Which tests run, in Surefire's syntax: class globs, {@code !} exclusions, {@code Class#method},
     * {@code Class#m1+m2}, method globs, {@code %regex[...]}, comma lists. Overrides includes and excludes.
     */
    @Parameter(property = "test")
    private String test;

    /** A file of include patterns, one a line; blank lines and lines starting with {@code #} are ignored. */
    @Parameter(property = "surefire.includesFile")
    private File includesFile;

    /** A file of exclude patterns, one a line; blank lines and lines starting with {@code #} are ignored. */
    @Parameter(property = "surefire.excludesFile")
    private File excludesFile;

    /**
     * JUnit Platform tag expressions, comma-separated, one of which a test must match; JUnit 4 categories by their
     * fully qualified class names. Unset: every test.
     */
    @Parameter(property = "groups")
    private String groups;

    /** JUnit Platform tag expressions (or JUnit 4 categories), comma-separated, whose tests do not run. */
    @Parameter(property = "excludedGroups")
    private String excludedGroups;

    /**
     * Dependencies whose test classes run too, as {@code groupId:artifactId[:type[:classifier]]}, such as a
     * module's {@code test-jar}. Their classes are chosen with the same includes, excludes and {@code test}.
     */
    @Parameter(property = "dependenciesToScan")
    private String[] dependenciesToScan;

    /** Fails the build when no test ran and {@code test} is not set, as Surefire's {@code failIfNoTests}. */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    private boolean failIfNoTests;

    /** Fails the build when {@code test} is set but no test matching it ran, as Surefire's. */
    @Parameter(property = "surefire.failIfNoSpecifiedTests", defaultValue = "true")
    private boolean failIfNoSpecifiedTests;

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

    /**
     * Reruns each failed test up to this many times in the same fork, as Surefire's; a test that passes on a rerun
     * is reported as flaky and does not fail the build. 0 reruns nothing.
     */
    @Parameter(property = "surefire.rerunFailingTestsCount", defaultValue = "0")
    private int rerunFailingTestsCount;

    /**
     * Fails the build once this many tests were flaky (failed, then passed on a rerun), as Surefire's. 0 never does;
     * needs {@code rerunFailingTestsCount}.
     */
    @Parameter(property = "surefire.failOnFlakeCount", defaultValue = "0")
    private int failOnFlakeCount;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        new SurefireInheritance(configurator, getLog()).apply(this, session, mojoExecution);
        if (skip || skipTests) {
            getLog().info("Tests are skipped.");
            return;
        }
        FlakeSettings.check(rerunFailingTestsCount, failOnFlakeCount);
        RemoteTarget target = RemoteTarget.resolve(
                server,
                secretKey,
                session.getUserProperties(),
                project.getBasedir().toPath(),
                runKey,
                getLog());
        TestSelection selection = selection();
        List<String> classes = findClasses(selection);
        if (classes.isEmpty()) {
            nothingRan(selection);
            return;
        }
        RunOutcome outcome;
        try {
            TestFilters filters = selection.forkFilters(groups, excludedGroups);
            RunPlan plan = new RunPlan(
                    classes,
                    forks(),
                    forkOptions(),
                    runKey,
                    reportsDirectory.toPath(),
                    new ReportOptions(redirectTestOutputToFile, trimStackTrace),
                    filters);
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
        new Verdict(getLog(), reportsDirectory.toPath(), testFailureIgnore, failOnFlakeCount).judge(outcome);
        // Classes whose methods all were filtered out in the fork ran nothing. Only a local run sees the whole
        // suite: in remote mode other machines may have run every class while this one got none.
        if (target == null && outcome.summary().testsRun() == 0) {
            String failure = selection.whenNothingRan(failIfNoTests, failIfNoSpecifiedTests);
            if (failure != null) {
                throw new MojoFailureException(failure);
            }
        }
    }

    private TestSelection selection() throws MojoFailureException {
        try {
            return TestSelection.of(test, includes, excludes, includesFile, excludesFile);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
    }

    private List<String> findClasses(TestSelection selection) throws MojoFailureException, MojoExecutionException {
        try {
            List<Path> dependencies = DependenciesToScan.select(
                    project.getArtifacts(), dependenciesToScan == null ? List.of() : Arrays.asList(dependenciesToScan));
            return selection.findClasses(testClassesDirectory.toPath(), dependencies);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("fast-ci could not scan for test classes: " + e.getMessage(), e);
        }
    }

    private void nothingRan(TestSelection selection) throws MojoFailureException {
        String failure = selection.whenNothingRan(failIfNoTests, failIfNoSpecifiedTests);
        if (failure != null) {
            throw new MojoFailureException(failure);
        }
        getLog().info("No tests to run.");
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
        return forkJvm()
                .toOptions(
                        classPath,
                        isolated,
                        Path.of(project.getBuild().getDirectory(), "fast-ci"),
                        Duration.ofSeconds(forkedProcessTimeoutInSeconds));
    }

    private ForkJvm forkJvm() {
        Properties late = new Properties();
        late.putAll(project.getProperties());
        late.putAll(session.getUserProperties());
        Map<String, String> systemProperties = ForkSystemProperties.compose(
                systemPropertyVariables,
                session.getUserProperties(),
                project.getBasedir().toPath(),
                repositorySession.getLocalRepository().getBasedir().toPath());
        return new ForkJvm(
                jvm,
                argLine,
                enableAssertions,
                late,
                systemProperties,
                FlakeSettings.environment(environmentVariables, rerunFailingTestsCount),
                workingDirectory.toPath());
    }
}
