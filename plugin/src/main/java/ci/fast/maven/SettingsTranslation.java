package ci.fast.maven;

import ci.fast.maven.config.CiEnvironment;
import ci.fast.maven.config.ConfigurationParameters;
import ci.fast.maven.config.RunSettings;
import ci.fast.maven.config.SettingsException;
import ci.fast.maven.fork.ForkSystemProperties;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.maven.model.Dependency;

/**
 * Turns a goal's parameters into its {@link RunSettings}: the one place that knows both the Maven parameters and the
 * run's settings. A parameter that fast-ci accepts but cannot apply becomes a notice when it is set to anything but its
 * default, so that no setting changes the run silently.
 */
final class SettingsTranslation {
    private SettingsTranslation() {}

    /**
     * @param parameters the goal's configured parameters
     * @param goal the goal's facts that are not parameters
     * @throws SettingsException with the line the user sees
     */
    static RunSettings translate(TestParameters parameters, GoalFacts goal) {
        return translate(parameters, goal, System.getenv());
    }

    /** {@link #translate(TestParameters, GoalFacts)} in the environment {@code environment}. */
    static RunSettings translate(TestParameters parameters, GoalFacts goal, Map<String, String> environment) {
        TestParameters p = parameters;
        boolean noIncludes = (p.includes == null || p.includes.isEmpty()) && p.includesFile == null;
        RunSettings.Builder b = RunSettings.builder(goal.goal().goalName)
                .test(p.test)
                .includes(noIncludes ? goal.goal().defaultIncludes : p.includes)
                .excludes(p.excludes)
                .includesFile(p.includesFile)
                .excludesFile(p.excludesFile)
                .groups(p.groups, p.excludedGroups)
                .dependenciesToScan(p.dependenciesToScan == null ? List.of() : Arrays.asList(p.dependenciesToScan))
                .failIfNoTests(p.failIfNoTests, p.failIfNoSpecifiedTests)
                .runOrder(p.runOrder, p.runOrderRandomSeed)
                .engines(list(p.includeJUnit5Engines), list(p.excludeJUnit5Engines))
                .suiteXmlFiles(p.suiteXmlFiles == null ? null : java.util.Arrays.asList(p.suiteXmlFiles))
                .objectFactory(p.objectFactory)
                .configurationParameters(ConfigurationParameters.of(
                        p.properties,
                        p.parallel,
                        new ConfigurationParameters.Threads(
                                p.threadCount, p.perCoreThreadCount, p.useUnlimitedThreads)))
                .testClassesDirectory(p.testClassesDirectory.toPath())
                .forkCount(
                        forkCount(p.forkCount, goal.userProperties()),
                        Runtime.getRuntime().availableProcessors())
                .reuseForks(p.reuseForks)
                .java(p.jvm)
                .jdkToolchain(p.jdkToolchain)
                .argLine(p.argLine)
                .enableAssertions(p.enableAssertions)
                .systemProperties(systemProperties(p, goal))
                .environment(
                        p.environmentVariables,
                        p.excludedEnvironmentVariables == null
                                ? List.of()
                                : Arrays.asList(p.excludedEnvironmentVariables))
                .workingDirectory(p.workingDirectory.toPath())
                .timeouts(p.forkedProcessTimeoutInSeconds, p.forkedProcessExitTimeoutInSeconds)
                .debug(p.debugForkedProcess)
                .sharedArchive(p.cds)
                .reruns(p.rerunFailingTestsCount, p.failOnFlakeCount)
                .skipAfterFailureCount(p.skipAfterFailureCount)
                .classPath(new RunSettings.ClassPathChanges(
                        goal.mainClasses(),
                        p.additionalClasspathElements == null
                                ? List.of()
                                : Arrays.asList(p.additionalClasspathElements),
                        p.classpathDependencyExcludes == null
                                ? List.of()
                                : Arrays.asList(p.classpathDependencyExcludes),
                        p.classpathDependencyScopeExclude,
                        addedDependencies(p.additionalClasspathDependencies),
                        p.useModulePath))
                .reports(goal.reportsDirectory(), p.redirectTestOutputToFile, p.trimStackTrace, p.printSummary)
                .reportFiles(
                        !Boolean.TRUE.equals(p.disableXmlReport)
                                && !SurefireReporter.of(p.statelessTestsetReporter)
                                        .disabled(),
                        p.useFile && ReportLayouts.textFormat(p.reportFormat))
                .layout(
                        ReportLayouts.of(p),
                        !SurefireReporter.of(p.statelessTestsetInfoReporter).disabled(),
                        !SurefireReporter.of(p.consoleOutputReporter).disabled())
                .summaryFile(goal.summaryFile())
                .timelineFile(goal.buildDirectory()
                        .resolve("fast-ci")
                        .resolve(goal.goal() == Goal.TEST ? "timeline.html" : "it-timeline.html"))
                .progress(p.progress)
                .gitHubSummary(p.ciSummary ? gitHubSummary(environment) : null)
                .gitLabProjectDir(p.ciSummary ? CiEnvironment.gitLabProjectDir(environment) : null)
                .testFailureIgnore(p.testFailureIgnore)
                .remote(
                        p.server,
                        p.secretKey,
                        p.fallback,
                        p.runKey != null ? p.runKey : goal.goal().runKeyPrefix + goal.artifactId())
                .retry(p.retry)
                .timingsFile(
                        p.timingsFile != null
                                ? p.timingsFile.toPath()
                                : goal.buildDirectory().resolve("fast-ci").resolve(goal.goal().timingsFileName));
        b.splitClasses(p.splitClasses);
        Notices.collect(p, goal).forEach(b::notice);
        return b.build();
    }

    /**
     * GitHub Actions' job summary file: on GitHub Actions, its marker {@code GITHUB_ACTIONS} on as
     * {@link ci.fast.maven.config.CiEnvironment} reads markers (set, not blank, not {@code false}), and
     * {@code GITHUB_STEP_SUMMARY} set; else null.
     */
    static Path gitHubSummary(Map<String, String> environment) {
        return CiEnvironment.gitHubStepSummary(environment);
    }

    /** Surefire's {@code additionalClasspathDependencies}, with each one's exclusions. */
    static List<RunSettings.AddedDependency> addedDependencies(List<Dependency> dependencies) {
        if (dependencies == null) {
            return List.of();
        }
        return dependencies.stream()
                .map(d -> new RunSettings.AddedDependency(
                        d.getGroupId(),
                        d.getArtifactId(),
                        d.getVersion(),
                        d.getType(),
                        d.getClassifier(),
                        d.getExclusions().stream()
                                .map(e -> e.getGroupId() + ":" + e.getArtifactId())
                                .toList()))
                .toList();
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    /**
     * {@code -DfastCi.forkCount}, this plugin's older name, counts when Surefire's {@code -DforkCount} is not given.
     * Surefire's {@code 0} runs the one node in Maven's own JVM, as Surefire runs the tests there.
     */
    static String forkCount(String configured, Properties userProperties) {
        String older = userProperties.getProperty("fastCi.forkCount");
        String count = older != null && !userProperties.containsKey("forkCount") ? older : configured;
        return count;
    }

    /**
     * Surefire's composition: {@code systemPropertiesFile}, then {@code systemProperties}, then
     * {@code systemPropertyVariables}, then the build's user properties (unless not promoted), {@code basedir} and
     * {@code localRepository}; each later one wins.
     */
    static Map<String, String> systemProperties(TestParameters p, GoalFacts goal) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (p.systemPropertiesFile != null) {
            load(p.systemPropertiesFile).forEach((k, v) -> variables.put(k.toString(), v.toString()));
        }
        if (p.systemProperties != null) {
            p.systemProperties.forEach((k, v) -> variables.put(k.toString(), Objects.toString(v, "")));
        }
        if (p.systemPropertyVariables != null) {
            p.systemPropertyVariables.forEach((k, v) -> variables.put(k, v == null ? "" : v));
        }
        Properties promoted = p.promoteUserPropertiesToSystemProperties ? goal.userProperties() : new Properties();
        return ForkSystemProperties.compose(variables, promoted, goal.basedir(), goal.localRepository());
    }

    private static Properties load(File file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file.toPath(), StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        } catch (IOException e) {
            throw new SettingsException("systemPropertiesFile " + file + " cannot be read (" + e.getMessage()
                    + "): point it at a properties file, or remove it");
        }
        return properties;
    }

    /**
     * What a goal knows besides its parameters.
     *
     * @param goal the goal
     * @param artifactId the module's artifactId, for the default run key
     * @param buildDirectory the module's build directory, for the default timings file
     * @param mainClasses the main classes the tests run against: {@code classesDirectory}, or for integration tests
     *     the packaged jar when the module was packaged
     * @param reportsDirectory the goal's reports directory
     * @param summaryFile Failsafe's summary file for the integration-test goal; null for test
     * @param userProperties the build's {@code -D} properties
     * @param basedir the module's directory
     * @param localRepository the local repository, or null
     */
    record GoalFacts(
            Goal goal,
            String artifactId,
            Path buildDirectory,
            Path mainClasses,
            Path reportsDirectory,
            Path summaryFile,
            Properties userProperties,
            Path basedir,
            Path localRepository) {}
}
