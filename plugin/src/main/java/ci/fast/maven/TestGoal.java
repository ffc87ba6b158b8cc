package ci.fast.maven;

import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.booter.TestFilters;
import ci.fast.maven.booter.TestNgSuite;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.config.RunSettings;
import ci.fast.maven.config.VersionNumber;
import ci.fast.maven.discovery.DependenciesToScan;
import ci.fast.maven.discovery.TestNgSuiteFiles;
import ci.fast.maven.discovery.TestSelection;
import ci.fast.maven.fork.ForkJvm;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.fork.InProcessOptions;
import ci.fast.maven.fork.IsolatedPath;
import ci.fast.maven.fork.ModularClassPath;
import ci.fast.maven.fork.PlatformArtifacts;
import ci.fast.maven.fork.SharedArchive;
import ci.fast.maven.pom.InheritedPlugin;
import ci.fast.maven.pom.SurefireProviders;
import ci.fast.maven.report.FailsafeSummary;
import ci.fast.maven.report.PlatformReports;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.XmlReportWriter;
import ci.fast.maven.report.timeline.TimelineHint;
import ci.fast.maven.run.LocalRun;
import ci.fast.maven.run.RemoteRun;
import ci.fast.maven.run.RunOutcome;
import ci.fast.maven.run.RunPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * A test goal's run from its settings: find the classes, assemble the forks, run them locally or as nodes of a
 * remote run, judge the outcome. The Maven side's one call in; the goals are shells over it.
 */
final class TestGoal {
    private final Maven maven;
    private final Log log;
    /** The forks' shared archive, planned with their options; off until then. */
    private SharedArchive sharedArchive = SharedArchive.off();
    /** How the node runs in Maven's JVM, planned with the forks' options when {@code forkCount=0}; null for forks. */
    private InProcessOptions inProcess;

    TestGoal(Maven maven, Log log) {
        this.maven = maven;
        this.log = log;
    }

    /**
     * @throws IllegalArgumentException with the line the user sees for a configuration that cannot work
     * @throws MojoFailureException when tests failed, or none ran where some had to
     * @throws MojoExecutionException when the machine refused (I/O, resolution, interruption)
     */
    void run(RunSettings settings) throws MojoExecutionException, MojoFailureException {
        StartupTrace.mark("maven.goal");
        if (!settings.notices().isEmpty()) {
            log.warn(
                    "fast-ci takes these parameters as Surefire names them, but does not apply them as Surefire does:");
            settings.notices().forEach(line -> log.warn("  " + line));
        }
        RunSettings.Remote remote = settings.remote();
        Path basedir = maven.project().getBasedir().toPath();
        RemoteTarget target = RemoteTarget.resolve(
                remote.server(),
                remote.secretKey(),
                maven.session().getUserProperties(),
                basedir,
                remote.runKey(),
                log);
        RunSettings.Selection s = settings.selection();
        TestSelection selection =
                TestSelection.of(s.test(), s.includes(), s.excludes(), s.includesFile(), s.excludesFile());
        List<String> suiteSelectors = suiteSelectors(settings);
        TestNgSuite testNg = testNgSuite(settings, suiteSelectors != null);
        List<String> classes = suiteSelectors == null
                ? s.runOrder().apply(findClasses(selection, s), Clock.systemDefaultZone())
                : suiteSelectors.isEmpty() ? List.of() : List.of(TestRunOptions.SUITE_FILES);
        if (suiteSelectors == null && classes.size() > 1 && target == null && oneTestNgSuite(settings)) {
            // Surefire's TestNG provider, handed every class at once (one fork that is reused), runs them as one
            // TestNG suite and reports them as one: TEST-TestSuite.xml.
            log.info("fast-ci runs the " + classes.size() + " TestNG classes as one suite in one fork, reported as "
                    + TestRunOptions.SUITE_FILES + ", as Surefire's TestNG provider does with one reused fork");
            suiteSelectors = classes;
            classes = List.of(TestRunOptions.SUITE_FILES);
        }
        StartupTrace.mark("maven.scanned");
        if (classes.isEmpty()) {
            failIfNothingRan(selection, s);
            log.info("No tests to run.");
            writeSummary(settings, new RunOutcome(new RunSummary(), List.of()));
            return;
        }
        if (settings.jvm().inProcess()) {
            inMavenJvm(settings.jvm());
        }
        TestFilters filters = selection.forkFilters(s.groups(), s.excludedGroups());
        boolean ownJUnit3 = ownJUnit3Allowed(settings, filters, suiteSelectors, testNg);
        // Ordering: planning the forks' options plans the run in Maven's JVM too (inProcess), read below.
        ForkOptions forks = forkOptions(settings.jvm(), classes, ownJUnit3);
        RunSettings.Reports reports = settings.reports();
        RunPlan plan = new RunPlan(
                classes,
                settings.jvm().forkCount(),
                forks,
                settings.jvm().reuseForks(),
                remote.runKey(),
                reports.directory(),
                new ReportOptions(
                        reports.redirectTestOutputToFile(),
                        reports.trimStackTrace(),
                        reports.xmlReports(),
                        reports.textReports(),
                        reports.summaryFile() == null
                                ? XmlReportWriter.SCHEMA_LOCATION
                                : XmlReportWriter.FAILSAFE_SCHEMA_LOCATION,
                        reports.timelineFile(),
                        reports.progress(),
                        reports.gitHubSummary(),
                        Path.of(maven.project().getBuild().getTestSourceDirectory()),
                        reports.layout().toBuilder()
                                .platform(platformReports(settings))
                                .build(),
                        reports.testsetInfo(),
                        reports.testOutput()),
                new TestRunOptions(
                        filters,
                        settings.jvm().rerunFailingTestsCount(),
                        settings.jvm().configurationParameters(),
                        settings.selection().includeEngines(),
                        settings.selection().excludeEngines(),
                        settings.jvm().skipAfterFailureCount(),
                        frameworkProviders(settings)
                                && PlatformArtifacts.surefireRunsJUnit4Provider(
                                        maven.project().getArtifacts()),
                        suiteSelectors == null ? List.of() : suiteSelectors,
                        testNg,
                        ownJUnit3),
                inProcess);
        StartupTrace.mark("maven.resolved");
        RunOutcome outcome;
        try {
            outcome = execute(plan, target, settings);
        } finally {
            String archived = sharedArchive.complete();
            if (archived != null) {
                log.debug("FastCI " + archived);
            }
        }
        Verdict verdict = new Verdict(
                log,
                reports.directory(),
                settings.verdict(),
                reports.printSummary(),
                Verdict.skippedAtInfo(SurefireProviders.pluginVersion(maven.project(), pluginKey(settings))));
        if (reports.summaryFile() != null) {
            // Failsafe's way: the summary goes to a file, and verify fails the build after post-integration-test.
            if (reports.printSummary()) {
                verdict.printSummary(outcome);
            }
            writeSummary(settings, outcome);
            showTimeline(reports.timelineFile(), reports.gitLabProjectDir());
            return;
        }
        try {
            verdict.judge(outcome);
        } finally {
            // After the summary, whatever the verdict: among the last lines, where a reader of a failed build looks.
            showTimeline(reports.timelineFile(), reports.gitLabProjectDir());
        }
        // Classes whose methods all were filtered out in the fork ran nothing. Only a local run sees the whole
        // suite: in remote mode other machines may have run every class while this one got none.
        if (target == null && outcome.summary().testsRun() == 0) {
            failIfNothingRan(selection, s);
        }
    }

    /**
     * Names the timeline page the run wrote, as a link a terminal opens, and on GitLab CI how a job keeps it as an
     * artifact; nothing when it wrote none.
     */
    private void showTimeline(Path file, Path gitLabProjectDir) {
        if (file != null && Files.isRegularFile(file)) {
            log.info("fast-ci timeline: " + file.toAbsolutePath().toUri());
            if (gitLabProjectDir != null) {
                log.info(TimelineHint.gitLab(file, gitLabProjectDir));
            }
        }
    }

    /**
     * Writes Failsafe's summary file, merged with what an earlier execution of this build wrote to it, as Failsafe
     * merges several executions' results into one file; a file left by an earlier build is replaced.
     */
    private void writeSummary(RunSettings settings, RunOutcome outcome) {
        Path file = settings.reports().summaryFile();
        if (file == null) {
            return;
        }
        FailsafeSummary summary = FailsafeSummary.of(outcome.summary(), outcome.problems());
        String key = "fast-ci.failsafe-summary:" + file.toAbsolutePath();
        if (maven.project().getContextValue(key) != null && Files.isRegularFile(file)) {
            summary = FailsafeSummary.read(file).plus(summary);
        }
        summary.write(file);
        maven.project().setContextValue(key, Boolean.TRUE);
    }

    private RunOutcome execute(RunPlan plan, RemoteTarget target, RunSettings settings) throws MojoExecutionException {
        MavenRunLog runLog = new MavenRunLog(log);
        try {
            if (target == null) {
                Path timings = settings.timingsFile();
                return new LocalRun(plan, runLog, timings, settings.splitClasses()).execute();
            }
            return new RemoteRun(
                            plan,
                            target.server(),
                            target.secret(),
                            target.params(),
                            target.fallback(settings.remote().fallback()),
                            target.retry(settings.remote().retryFailedOnly()),
                            runLog)
                    .splittingBy(settings.splitClasses() ? settings.timingsFile() : null)
                    .execute();
        } catch (IOException e) {
            throw new MojoExecutionException("fast-ci could not run the tests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while running the tests", e);
        }
    }

    /**
     * What the TestNG suite files name, when they are what runs: as under Surefire, only where its TestNG provider
     * runs the tests (it reads them) and without {@code -Dtest} (which wins over them); null otherwise.
     */
    private List<String> suiteSelectors(RunSettings settings) throws MojoFailureException {
        RunSettings.Selection s = settings.selection();
        if (s.suiteXmlFiles().isEmpty() || s.test() != null || !testNgProvider(settings)) {
            return null;
        }
        try {
            List<String> selectors = TestNgSuiteFiles.selectors(s.suiteXmlFiles(), s.testClassesDirectory());
            log.info("fast-ci runs what the TestNG suite files name (" + selectors.size()
                    + " classes and methods), in one report, " + TestRunOptions.SUITE_FILES);
            return selectors;
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /**
     * What the TestNG runs apply besides the classes and methods: Surefire's {@code objectFactory}, as its TestNG
     * provider hands it to TestNG, and what else TestNG reads from the suite files when they are what runs.
     */
    private static TestNgSuite testNgSuite(RunSettings settings, boolean suiteFiles) throws MojoFailureException {
        RunSettings.Selection s = settings.selection();
        try {
            TestNgSuite suite = suiteFiles
                    ? TestNgSuiteFiles.settings(s.suiteXmlFiles(), s.testClassesDirectory())
                    : TestNgSuite.NONE;
            return suite.withObjectFactory(s.objectFactory());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /**
     * Whether Surefire would run the classes as one TestNG suite: its TestNG provider runs them and gets them all at
     * once, as one fork that is reused does; with more forks it gets them one by one and reports each class apart, as
     * fast-ci's nodes get them in remote mode (where this is not asked).
     */
    private boolean oneTestNgSuite(RunSettings settings) {
        return testNgProvider(settings)
                && settings.jvm().forkCount() == 1
                && (settings.jvm().reuseForks() || settings.jvm().inProcess());
    }

    /**
     * Whether the project's Surefire (Failsafe for integration tests) runs JUnit 4 and TestNG with providers of their
     * own, whose reports fast-ci then follows: before 3.6.
     */
    private boolean frameworkProviders(RunSettings settings) {
        return SurefireProviders.hasFrameworkProviders(maven.project(), pluginKey(settings));
    }

    /**
     * The shape of the reports of the project's Surefire (Failsafe), by its version and its Platform provider's, and
     * that of its JUnit 4.7+ provider where Surefire would take that one: for a JUnit 4 project (its JUnit 4 provider
     * family), JUnit 4.7 or later, with {@code parallel} (mapped onto Vintage's parallel execution, so set and not
     * {@code none}), {@code groups} or {@code excludedGroups} set.
     */
    private PlatformReports platformReports(RunSettings settings) {
        MavenProject project = maven.project();
        PlatformReports shape = PlatformReports.of(
                SurefireProviders.pluginVersion(project, pluginKey(settings)),
                SurefireProviders.platformProviderVersion(project, pluginKey(settings)));
        boolean junit47 = project.getArtifacts().stream()
                .anyMatch(a -> "junit".equals(a.getGroupId())
                        && "junit".equals(a.getArtifactId())
                        && !VersionNumber.below(a.getVersion(), 4, 7));
        boolean forced = settings.selection().groups() != null
                || settings.selection().excludedGroups() != null
                || settings.jvm().configurationParameters().containsKey("junit.vintage.execution.parallel.enabled");
        boolean junit4Family =
                frameworkProviders(settings) && PlatformArtifacts.surefireRunsJUnit4Provider(project.getArtifacts());
        return junit4Family && junit47 && forced ? shape.junit47() : shape;
    }

    /**
     * Whether the forks run a JUnit 3.8 project with its own junit jar, as Surefire does: where Surefire would take
     * its JUnit 3 provider ({@link PlatformArtifacts#surefireRunsJUnit3Provider}, a Surefire before 3.6) and the run
     * asks nothing that provider lacks (method or tag filters, reruns, a failure limit, Platform configuration or
     * engines, suite files). Otherwise the forks run it with JUnit 4.13.2 and the Vintage engine, as before.
     */
    private boolean ownJUnit3Allowed(
            RunSettings settings, TestFilters filters, List<String> suiteSelectors, TestNgSuite testNg) {
        return frameworkProviders(settings)
                && PlatformArtifacts.surefireRunsJUnit3Provider(maven.project().getArtifacts())
                && filters.equals(TestFilters.NONE)
                && settings.jvm().rerunFailingTestsCount() == 0
                && settings.jvm().skipAfterFailureCount() == 0
                && settings.jvm().configurationParameters().isEmpty()
                && settings.selection().includeEngines().isEmpty()
                && settings.selection().excludeEngines().isEmpty()
                && (suiteSelectors == null || suiteSelectors.isEmpty())
                && testNg.isEmpty();
    }

    /** The plugin whose run fast-ci's stands for: Surefire's, or Failsafe's for integration tests. */
    private static String pluginKey(RunSettings settings) {
        return Goal.TEST.goalName.equals(settings.goal())
                ? InheritedPlugin.SUREFIRE.key()
                : InheritedPlugin.FAILSAFE.key();
    }

    /**
     * Whether Surefire runs the tests with its TestNG provider: one it still has, TestNG, and no JUnit Platform (which
     * its detection takes first).
     */
    private boolean testNgProvider(RunSettings settings) {
        if (!frameworkProviders(settings)) {
            return false;
        }
        boolean testNg = false;
        boolean platform = false;
        for (org.apache.maven.artifact.Artifact a : maven.project().getArtifacts()) {
            testNg |= "org.testng".equals(a.getGroupId()) && "testng".equals(a.getArtifactId());
            platform |=
                    "org.junit.platform".equals(a.getGroupId()) && "junit-platform-commons".equals(a.getArtifactId());
        }
        return testNg && !platform;
    }

    private List<String> findClasses(TestSelection selection, RunSettings.Selection s) throws MojoExecutionException {
        try {
            List<Path> dependencies = DependenciesToScan.select(maven.project().getArtifacts(), s.dependenciesToScan());
            return selection.findClasses(s.testClassesDirectory(), dependencies);
        } catch (IOException | UncheckedIOException e) {
            throw new MojoExecutionException("fast-ci could not scan for test classes: " + e.getMessage(), e);
        }
    }

    private static void failIfNothingRan(TestSelection selection, RunSettings.Selection s) throws MojoFailureException {
        String failure = selection.whenNothingRan(s.failIfNoTests(), s.failIfNoSpecifiedTests());
        if (failure != null) {
            throw new MojoFailureException(failure);
        }
    }

    private ForkOptions forkOptions(RunSettings.Jvm jvm, List<String> classes, boolean ownJUnit3)
            throws MojoExecutionException {
        MavenProject project = maven.project();
        PlatformArtifacts resolver = new PlatformArtifacts(
                maven.repositorySystem(), maven.repositorySession(), project.getRemoteProjectRepositories());
        PlatformArtifacts.Resolved platform;
        try {
            platform = resolver.resolve(project.getArtifacts(), ownJUnit3);
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("cannot resolve the test class path: " + e.getMessage(), e);
        }
        if (platform.replaced().contains("junit:junit")) {
            log.info("fast-ci runs this project's JUnit 3 tests with junit:junit 4.13.2 on the forks' class path, as it"
                    + " cannot run them with their own junit as Surefire's JUnit 3 provider does (a Surefire from 3.6"
                    + " on, or a run with method or tag filters, reruns, a failure limit, configuration parameters or"
                    + " engines): the JUnit Platform's Vintage engine needs 4.12 or later, and JUnit 4 runs JUnit 3"
                    + " tests as they are");
        } else if (ownJUnit3) {
            log.debug(
                    "fast-ci runs this project's JUnit 3 tests with its own junit jar, as Surefire's JUnit 3 provider");
        }
        RunSettings.ClassPathChanges changes = jvm.classPath();
        List<String> excludes = new ArrayList<>(changes.dependencyExcludes());
        excludes.addAll(platform.replaced());
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
        Path mainClasses = changes.classesDirectory() == null
                ? Path.of(project.getBuild().getOutputDirectory())
                : changes.classesDirectory();
        List<Path> testPath = TestClassPath.assemble(
                testClasses,
                mainClasses,
                project.getArtifacts(),
                changes.withDependencyExcludes(excludes),
                AdditionalDependencies.resolve(
                        changes.additionalDependencies(),
                        resolver,
                        project.getArtifacts(),
                        maven.repositorySession().getArtifactTypeRegistry(),
                        log::warn),
                project.getBasedir().toPath());
        // In Maven's JVM the tests are on a class loader, never on the module path (Surefire's in-process run).
        ModularClassPath.Split modular = changes.useModulePath() && !jvm.inProcess()
                ? modular(testPath, mainClasses, testClasses, classes)
                : null;
        List<Path> classPath = new ArrayList<>(modular == null ? testPath : modular.classPath());
        classPath.addAll(platform.added());
        Path pluginJar = maven.plugin().getPluginArtifact().getFile().toPath();
        classPath.add(pluginJar);
        List<Path> isolated = IsolatedPath.select(
                pluginJar, IsolatedPath.byName(maven.plugin().getArtifacts()));
        Properties late = new Properties();
        late.putAll(project.getProperties());
        late.putAll(maven.session().getUserProperties());
        String argLine = jvm.debug() == null ? jvm.argLine() : join(jvm.argLine(), jvm.debug());
        ForkOptions options = new ForkJvm(
                        ForkJava.choose(jvm, maven.toolchains(), maven.session()),
                        argLine,
                        jvm.enableAssertions(),
                        late,
                        jvm.systemProperties(),
                        jvm.environment(),
                        jvm.workingDirectory())
                .toOptions(classPath, isolated, Path.of(project.getBuild().getDirectory(), "fast-ci"), jvm.timeout())
                .withExitTimeout(jvm.exitTimeout())
                .withExcludedEnvironment(jvm.excludedEnvironment())
                .withModules(modular == null ? null : modular.layout());
        if (jvm.inProcess()) {
            List<Path> added = new ArrayList<>(platform.added());
            added.add(pluginJar);
            inProcess = InProcessOptions.of(
                    testPath, added, jvm.systemProperties(), options.workingDirectory(), jvm.enableAssertions());
            return options; // no JVM is started: no archive to map
        }
        sharedArchive = SharedArchive.plan(
                jvm.sharedArchive(),
                options.java(),
                options.jvmArguments(),
                options.environment(),
                Path.of(System.getProperty("user.home"), ".fast-ci", "cds"),
                maven.plugin().getVersion());
        return options.withJvmOptionsFirst(sharedArchive.jvmOptions());
    }

    /**
     * Checks and tells what {@code forkCount=0} means here, as Surefire does: one node in Maven's JVM; refused in a
     * parallel build, whose other modules share that JVM; one line for each setting it leaves aside.
     */
    private void inMavenJvm(RunSettings.Jvm jvm) throws MojoFailureException {
        if (maven.session().isParallel()) {
            throw new MojoFailureException("forkCount=0 cannot run in a parallel Maven build (-T), as under Surefire:"
                    + " the tests would share Maven's JVM with the other modules' builds; set forkCount to 1 or more");
        }
        log.warn("The parameter forkCount should likely not be 0. Forking a JVM for tests improves test accuracy."
                + " Ensure to have a <forkCount> >= 1.");
        InMavenJvmNotes.of(jvm).forEach(line -> log.warn("forkCount=0: " + line));
    }

    /**
     * The tests' path split as Surefire splits it for a test or main module, or null for neither; the booter stays on
     * the class path.
     */
    private ModularClassPath.Split modular(
            List<Path> testPath, Path mainClasses, Path testClasses, List<String> classes)
            throws MojoExecutionException {
        try {
            ModularClassPath.Split split = ModularClassPath.split(
                    testPath,
                    mainClasses,
                    testClasses,
                    classes,
                    (element, e) -> log.warn("Exception for '" + element + "'.", e));
            if (split != null) {
                log.debug("fast-ci runs the tests in module " + split.layout().moduleName() + ", module path: "
                        + split.layout().modulePath());
            }
            return split;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read a module descriptor: " + e.getMessage(), e);
        }
    }

    private static String join(String first, String second) {
        return first == null ? second : first + " " + second;
    }

    /** The Maven objects a goal runs with. */
    record Maven(
            MavenProject project,
            MavenSession session,
            PluginDescriptor plugin,
            RepositorySystem repositorySystem,
            RepositorySystemSession repositorySession,
            ToolchainManager toolchains) {}
}
