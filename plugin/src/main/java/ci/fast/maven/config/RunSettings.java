package ci.fast.maven.config;

import ci.fast.maven.report.ReportLayout;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a test goal was configured with, checked and fixed before anything runs. Built only by {@link Builder},
 * whose setters fail at once with Surefire's wording, so a run never starts on a value it would refuse later. Knows
 * nothing of Maven.
 *
 * @param goal {@code test} or {@code integration-test}, for messages
 * @param selection which classes and tests run
 * @param jvm how each fork is started and what it runs with
 * @param reports where and how results are written
 * @param verdict when the build fails
 * @param remote where the run is orchestrated
 * @param timingsFile where local mode keeps each class's last duration; null to keep none
 * @param splitClasses {@code fastCi.splitClasses}: whether a class longer than its fair share of the run is handed out
 *     by method, in parts, to several forks
 * @param notices one line per parameter that was set but that fast-ci cannot apply, saying what it does instead
 */
public record RunSettings(
        String goal,
        Selection selection,
        Jvm jvm,
        Reports reports,
        Verdict verdict,
        Remote remote,
        Path timingsFile,
        boolean splitClasses,
        List<String> notices) {
    public RunSettings {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(selection, "selection");
        Objects.requireNonNull(jvm, "jvm");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(remote, "remote");
        notices = List.copyOf(notices);
    }

    /** A builder with Surefire's defaults for {@code goal}. */
    public static Builder builder(String goal) {
        return new Builder(goal);
    }

    /**
     * Which classes and tests run.
     *
     * @param test Surefire's {@code -Dtest} syntax, or null
     * @param includes class patterns; empty for the goal's defaults
     * @param excludes class patterns; empty for the defaults
     * @param includesFile a file of include patterns, or null
     * @param excludesFile a file of exclude patterns, or null
     * @param groups tag expressions, comma-separated, or null
     * @param excludedGroups tag expressions, comma-separated, or null
     * @param dependenciesToScan {@code groupId:artifactId[:type[:classifier]]} of dependencies whose tests run too
     * @param failIfNoTests fail when no test ran and {@code test} is unset
     * @param failIfNoSpecifiedTests fail when {@code test} is set and no test matched
     * @param runOrder the queue's order where there is no timing history
     * @param testClassesDirectory the compiled test classes
     * @param includeEngines ids of the JUnit Platform engines that may run; empty for all
     * @param excludeEngines ids of the engines that must not run
     * @param suiteXmlFiles TestNG suite files whose classes run instead of the discovered ones (Surefire's
     *     {@code suiteXmlFiles}); empty for none
     * @param objectFactory the class of TestNG's object factory, which creates the test classes' instances (Surefire's
     *     {@code objectFactory}); null for TestNG's own
     */
    public record Selection(
            String test,
            List<String> includes,
            List<String> excludes,
            File includesFile,
            File excludesFile,
            String groups,
            String excludedGroups,
            List<String> dependenciesToScan,
            boolean failIfNoTests,
            boolean failIfNoSpecifiedTests,
            RunOrder runOrder,
            Path testClassesDirectory,
            List<String> includeEngines,
            List<String> excludeEngines,
            List<File> suiteXmlFiles,
            String objectFactory) {
        public Selection {
            suiteXmlFiles = List.copyOf(suiteXmlFiles);
            includeEngines = List.copyOf(includeEngines);
            excludeEngines = List.copyOf(excludeEngines);
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
            dependenciesToScan = List.copyOf(dependenciesToScan);
        }
    }

    /**
     * How each fork is started and what it runs with.
     *
     * @param forkCount the forks (nodes) of this machine, at least 1
     * @param reuseForks whether a fork runs more than one class
     * @param java the java executable; null for the toolchain's or Maven's own
     * @param jdkToolchain the requirements of a JDK from the user's toolchains (such as {@code version}); empty for
     *     the build's toolchain, if any
     * @param argLine JVM options with {@code @{…}} references still in, or null
     * @param enableAssertions whether to add {@code -ea}
     * @param systemProperties the forks' system properties, composed as Surefire composes them
     * @param environment variables added to the forks' environment
     * @param excludedEnvironment Maven's variables the forks do not inherit
     * @param workingDirectory the forks' working directory
     * @param timeout how long a fork may live; zero for no limit
     * @param exitTimeout how long a fork may take to exit once its tests are done
     * @param debug JVM options that make a fork wait for a debugger, or null
     * @param rerunFailingTestsCount reruns of a failed test, 0 for none
     * @param skipAfterFailureCount failed tests after which no more classes run (Surefire's), 0 for no limit
     * @param configurationParameters JUnit Platform configuration parameters for the forks' launcher
     * @param classPath what the goal adds to and removes from the tests' class path
     * @param sharedArchive whether the forks map a class-data-sharing archive of the JDK classes they load
     *     ({@code fastCi.cds})
     * @param inProcess whether the one node runs in Maven's own JVM instead of a fork: Surefire's {@code forkCount=0},
     *     {@code forkCount} then being 1
     */
    public record Jvm(
            int forkCount,
            boolean reuseForks,
            String java,
            Map<String, String> jdkToolchain,
            String argLine,
            boolean enableAssertions,
            Map<String, String> systemProperties,
            Map<String, String> environment,
            List<String> excludedEnvironment,
            Path workingDirectory,
            Duration timeout,
            Duration exitTimeout,
            String debug,
            int rerunFailingTestsCount,
            int skipAfterFailureCount,
            Map<String, String> configurationParameters,
            ClassPathChanges classPath,
            boolean sharedArchive,
            boolean inProcess) {
        public Jvm {
            configurationParameters = Collections.unmodifiableMap(new LinkedHashMap<>(configurationParameters));
            jdkToolchain = Map.copyOf(jdkToolchain);
            systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
            environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
            excludedEnvironment = List.copyOf(excludedEnvironment);
        }
    }

    /**
     * What a goal's configuration adds to and removes from the tests' class path.
     *
     * @param classesDirectory the main classes, in place of the project's output directory
     * @param additionalElements paths added after the tests' own
     * @param dependencyExcludes {@code groupId:artifactId} of dependencies left out
     * @param scopeExclude a scope whose dependencies are left out, or null
     * @param additionalDependencies dependencies resolved with theirs and added after {@code additionalElements}
     * @param useModulePath whether tests whose main classes are a module run on the module path
     */
    public record ClassPathChanges(
            Path classesDirectory,
            List<String> additionalElements,
            List<String> dependencyExcludes,
            String scopeExclude,
            List<AddedDependency> additionalDependencies,
            boolean useModulePath) {
        public ClassPathChanges {
            additionalElements = List.copyOf(additionalElements);
            dependencyExcludes = List.copyOf(dependencyExcludes);
            additionalDependencies = List.copyOf(additionalDependencies);
        }

        /** These changes with {@code excludes} as the dependencies left out. */
        public ClassPathChanges withDependencyExcludes(List<String> excludes) {
            return new ClassPathChanges(
                    classesDirectory,
                    additionalElements,
                    excludes,
                    scopeExclude,
                    additionalDependencies,
                    useModulePath);
        }
    }

    /**
     * One of {@code additionalClasspathDependencies}, as a pom's {@code <dependency>} names it.
     *
     * @param groupId its groupId
     * @param artifactId its artifactId
     * @param version its version
     * @param type its type, {@code jar} unless set
     * @param classifier its classifier, or null
     * @param exclusions {@code groupId:artifactId} of its dependencies left out, {@code *} for any
     */
    public record AddedDependency(
            String groupId,
            String artifactId,
            String version,
            String type,
            String classifier,
            List<String> exclusions) {
        public AddedDependency {
            if (isBlank(groupId) || isBlank(artifactId) || isBlank(version)) {
                throw new SettingsException("additionalClasspathDependencies: " + groupId + ":" + artifactId + ":"
                        + version + " needs a groupId, an artifactId and a version");
            }
            type = isBlank(type) ? "jar" : type;
            classifier = isBlank(classifier) ? null : classifier;
            exclusions = List.copyOf(exclusions);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + type + (classifier == null ? "" : ":" + classifier) + ":"
                    + version;
        }
    }

    /**
     * Where and how results are written.
     *
     * @param directory where TEST-*.xml and *.txt go
     * @param redirectTestOutputToFile test output to {@code <class>-output.txt} instead of the console
     * @param trimStackTrace only the test class's frames of a stack trace
     * @param printSummary whether the summary is printed at the end
     * @param xmlReports whether {@code TEST-*.xml} reports are written
     * @param textReports whether {@code *.txt} reports are written
     * @param summaryFile Failsafe's {@code failsafe-summary.xml}, which the goal writes instead of failing the build;
     *     null for a goal that fails the build itself
     * @param timelineFile where the run's timeline page goes; null for none
     * @param progress whether a progress line shows while the run goes on
     * @param gitHubSummary GitHub Actions' job summary file the run appends to; null when not on GitHub Actions or off
     * @param gitLabProjectDir GitLab CI's {@code CI_PROJECT_DIR}, against which the timeline is named as an artifact
     *     path; null when not on GitLab CI or off
     * @param layout what the reports say and how they are named, as Surefire's report parameters set it
     * @param testsetInfo whether text reports and the console's class lines are written (Surefire's
     *     {@code statelessTestsetInfoReporter} not disabled)
     * @param testOutput whether the tests' output is shown or written to files (Surefire's {@code consoleOutputReporter}
     *     not disabled)
     */
    public record Reports(
            Path directory,
            boolean redirectTestOutputToFile,
            boolean trimStackTrace,
            boolean printSummary,
            boolean xmlReports,
            boolean textReports,
            Path summaryFile,
            Path timelineFile,
            boolean progress,
            Path gitHubSummary,
            Path gitLabProjectDir,
            ReportLayout layout,
            boolean testsetInfo,
            boolean testOutput) {}

    /**
     * When the build fails.
     *
     * @param testFailureIgnore test failures are reported without failing the build
     * @param failOnFlakeCount flakes that fail the build; 0: never
     */
    public record Verdict(boolean testFailureIgnore, int failOnFlakeCount) {}

    /**
     * Where the run is orchestrated.
     *
     * @param server the server's URL as configured, or null (then {@code FAST_CI_SERVER}, then local mode)
     * @param secretKey the key as configured in the pom or with {@code -D}, or null
     * @param fallback whether an unreachable server makes a local run of this node's share
     * @param runKey the suite within the build
     * @param retryFailedOnly {@code fastCi.retry=failed}: a retried CI job reruns only the classes that failed on it
     *     in the earlier attempt, not all it ran there
     */
    public record Remote(String server, String secretKey, boolean fallback, String runKey, boolean retryFailedOnly) {
        @Override
        public String toString() {
            // The key never shows, not even in a debug dump of the settings.
            return "Remote[server=" + server + ", secretKey=" + (secretKey == null ? "null" : "***") + ", fallback="
                    + fallback + ", runKey=" + runKey + ", retryFailedOnly=" + retryFailedOnly + "]";
        }
    }

    /**
     * Collects a goal's settings; each setter checks its value at once and throws {@link SettingsException} with the
     * line the user sees. Not thread-safe; {@link #build()} may be called once.
     */
    public static final class Builder {
        private final String goal;
        private String test;
        private List<String> includes = List.of();
        private List<String> excludes = List.of();
        private File includesFile;
        private File excludesFile;
        private String groups;
        private String excludedGroups;
        private List<String> dependenciesToScan = List.of();
        private boolean failIfNoTests;
        private boolean failIfNoSpecifiedTests = true;
        private RunOrder runOrder = RunOrder.FILESYSTEM;
        private Path testClassesDirectory;
        private List<String> includeEngines = List.of();
        private List<String> excludeEngines = List.of();
        private List<File> suiteXmlFiles = List.of();
        private String objectFactory;
        private Map<String, String> configurationParameters = Map.of();
        private int forkCount = 1;
        private boolean reuseForks = true;
        private String java;
        private Map<String, String> jdkToolchain = Map.of();
        private String argLine;
        private boolean enableAssertions = true;
        private Map<String, String> systemProperties = Map.of();
        private Map<String, String> environment = Map.of();
        private List<String> excludedEnvironment = List.of();
        private Path workingDirectory;
        private Duration timeout = Duration.ZERO;
        private Duration exitTimeout = Duration.ofSeconds(30);
        private String debug;
        private int rerunFailingTestsCount;
        private int skipAfterFailureCount;
        private ClassPathChanges classPath = new ClassPathChanges(null, List.of(), List.of(), null, List.of(), true);
        private boolean sharedArchive = true;
        private boolean inProcess;
        private Path reportsDirectory;
        private boolean redirectTestOutputToFile;
        private boolean trimStackTrace;
        private boolean printSummary = true;
        private Path summaryFile;
        private Path timelineFile;
        private boolean progress = true;
        private Path gitHubSummary;
        private Path gitLabProjectDir;
        private boolean xmlReports = true;
        private boolean textReports = true;
        private ReportLayout layout = ReportLayout.SUREFIRE;
        private boolean testsetInfo = true;
        private boolean testOutput = true;
        private boolean testFailureIgnore;
        private int failOnFlakeCount;
        private String server;
        private String secretKey;
        private boolean fallback = true;
        private boolean retryFailedOnly;
        private String runKey;
        private Path timingsFile;
        private boolean splitClasses;
        private final List<String> notices = new ArrayList<>();

        private Builder(String goal) {
            this.goal = Objects.requireNonNull(goal, "goal");
        }

        public Builder test(String test) {
            this.test = blankToNull(test);
            return this;
        }

        public Builder includes(List<String> includes) {
            this.includes = listOf(includes);
            return this;
        }

        public Builder excludes(List<String> excludes) {
            this.excludes = listOf(excludes);
            return this;
        }

        public Builder includesFile(File file) {
            this.includesFile = file;
            return this;
        }

        public Builder excludesFile(File file) {
            this.excludesFile = file;
            return this;
        }

        public Builder groups(String groups, String excludedGroups) {
            this.groups = blankToNull(groups);
            this.excludedGroups = blankToNull(excludedGroups);
            return this;
        }

        public Builder dependenciesToScan(List<String> coordinates) {
            this.dependenciesToScan = listOf(coordinates);
            return this;
        }

        public Builder failIfNoTests(boolean failIfNoTests, boolean failIfNoSpecifiedTests) {
            this.failIfNoTests = failIfNoTests;
            this.failIfNoSpecifiedTests = failIfNoSpecifiedTests;
            return this;
        }

        /** @param runOrder Surefire's {@code runOrder} value, or null for {@code filesystem} */
        public Builder runOrder(String runOrder, Long seed) {
            this.runOrder = RunOrder.parse(runOrder, seed);
            return this;
        }

        /** Surefire's {@code includeJUnit5Engines} and {@code excludeJUnit5Engines}: engine ids. */
        public Builder engines(List<String> include, List<String> exclude) {
            this.includeEngines = listOf(include);
            this.excludeEngines = listOf(exclude);
            return this;
        }

        /** Surefire's {@code suiteXmlFiles}: TestNG suite files; null for none. */
        public Builder suiteXmlFiles(List<File> files) {
            this.suiteXmlFiles = files == null ? List.of() : List.copyOf(files);
            return this;
        }

        /** Surefire's {@code objectFactory}: TestNG's object factory class; null or blank for TestNG's own. */
        public Builder objectFactory(String className) {
            this.objectFactory = className == null || className.isBlank() ? null : className.strip();
            return this;
        }

        /** JUnit Platform configuration parameters, see {@link ConfigurationParameters}. */
        public Builder configurationParameters(Map<String, String> parameters) {
            this.configurationParameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
            return this;
        }

        public Builder testClassesDirectory(Path directory) {
            this.testClassesDirectory = Objects.requireNonNull(directory, "testClassesDirectory");
            return this;
        }

        /**
         * @param forkCount Surefire's syntax: a whole number, or forks per core such as {@code 2C}; {@code 0} for one
         *     node in Maven's own JVM
         */
        public Builder forkCount(String forkCount, int cores) {
            this.inProcess = forkCount != null && forkCount.strip().equals("0");
            this.forkCount = inProcess ? 1 : ForkCount.parse(forkCount, cores);
            return this;
        }

        public Builder reuseForks(boolean reuseForks) {
            this.reuseForks = reuseForks;
            return this;
        }

        public Builder java(String java) {
            this.java = blankToNull(java);
            return this;
        }

        public Builder jdkToolchain(Map<String, String> requirements) {
            Map<String, String> copy = new LinkedHashMap<>();
            if (requirements != null) {
                requirements.forEach((k, v) -> {
                    if (k != null && v != null) {
                        copy.put(k, v);
                    }
                });
            }
            this.jdkToolchain = copy;
            return this;
        }

        public Builder argLine(String argLine) {
            this.argLine = blankToNull(argLine);
            return this;
        }

        public Builder enableAssertions(boolean enableAssertions) {
            this.enableAssertions = enableAssertions;
            return this;
        }

        public Builder systemProperties(Map<String, String> properties) {
            this.systemProperties = properties == null ? Map.of() : new LinkedHashMap<>(properties);
            return this;
        }

        public Builder environment(Map<String, String> environment, List<String> excluded) {
            Map<String, String> copy = new LinkedHashMap<>();
            if (environment != null) {
                environment.forEach((k, v) -> copy.put(k, v == null ? "" : v));
            }
            this.environment = copy;
            this.excludedEnvironment = listOf(excluded);
            return this;
        }

        public Builder workingDirectory(Path directory) {
            this.workingDirectory = Objects.requireNonNull(directory, "workingDirectory");
            return this;
        }

        public Builder timeouts(int forkedProcessTimeoutInSeconds, int forkedProcessExitTimeoutInSeconds) {
            this.timeout =
                    Duration.ofSeconds(atLeastZero("forkedProcessTimeoutInSeconds", forkedProcessTimeoutInSeconds));
            this.exitTimeout = Duration.ofSeconds(
                    atLeastZero("forkedProcessExitTimeoutInSeconds", forkedProcessExitTimeoutInSeconds));
            return this;
        }

        /**
         * Surefire's {@code debugForkedProcess}: {@code true} waits for a debugger on port 5005; another value is the
         * JVM's debug options. One fork, and no time limit, as under Surefire.
         */
        public Builder debug(String debugForkedProcess) {
            String value = blankToNull(debugForkedProcess);
            if (value == null || "false".equalsIgnoreCase(value)) {
                this.debug = null;
            } else {
                this.debug = "true".equalsIgnoreCase(value)
                        ? "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=localhost:5005"
                        : value;
            }
            return this;
        }

        public Builder reruns(int rerunFailingTestsCount, int failOnFlakeCount) {
            this.rerunFailingTestsCount = atLeastZero("rerunFailingTestsCount", rerunFailingTestsCount);
            this.failOnFlakeCount = atLeastZero("failOnFlakeCount", failOnFlakeCount);
            if (failOnFlakeCount > 0 && rerunFailingTestsCount < 1) {
                throw new SettingsException(
                        "\"failOnFlakeCount\" requires rerunFailingTestsCount to be at least 1: set both, or neither.");
            }
            return this;
        }

        /** Surefire's {@code skipAfterFailureCount}: failed tests after which no more classes run; 0 for no limit. */
        public Builder skipAfterFailureCount(int count) {
            this.skipAfterFailureCount = atLeastZero("skipAfterFailureCount", count);
            return this;
        }

        public Builder classPath(ClassPathChanges changes) {
            this.classPath = Objects.requireNonNull(changes, "classPath");
            return this;
        }

        public Builder reports(
                Path directory, boolean redirectTestOutputToFile, boolean trimStackTrace, boolean printSummary) {
            this.reportsDirectory = Objects.requireNonNull(directory, "reportsDirectory");
            this.redirectTestOutputToFile = redirectTestOutputToFile;
            this.trimStackTrace = trimStackTrace;
            this.printSummary = printSummary;
            return this;
        }

        /** Surefire's {@code disableXmlReport} (inverted) and {@code useFile}. */
        public Builder reportFiles(boolean xmlReports, boolean textReports) {
            this.xmlReports = xmlReports;
            this.textReports = textReports;
            return this;
        }

        /**
         * What the reports say and how they are named, and whether Surefire's {@code statelessTestsetInfoReporter}
         * (text reports, class lines) and {@code consoleOutputReporter} (the tests' output) write anything.
         */
        public Builder layout(ReportLayout layout, boolean testsetInfo, boolean testOutput) {
            this.layout = Objects.requireNonNull(layout, "layout");
            this.testsetInfo = testsetInfo;
            this.testOutput = testOutput;
            return this;
        }

        /** Failsafe's summary file: the goal writes it and leaves failing the build to {@code verify}. */
        public Builder summaryFile(Path file) {
            this.summaryFile = file;
            return this;
        }

        /** Where the run's timeline page goes, such as {@code target/fast-ci/timeline.html}; null for none. */
        public Builder timelineFile(Path file) {
            this.timelineFile = file;
            return this;
        }

        /** fast-ci's {@code fastCi.cds}: whether the forks map a shared archive of the JDK classes they load. */
        public Builder sharedArchive(boolean sharedArchive) {
            this.sharedArchive = sharedArchive;
            return this;
        }

        /** fast-ci's {@code fastCi.progress}: a progress line while the run goes on. */
        public Builder progress(boolean progress) {
            this.progress = progress;
            return this;
        }

        /** GitHub Actions' {@code $GITHUB_STEP_SUMMARY}, when on GitHub Actions and {@code fastCi.ciSummary} is on. */
        public Builder gitHubSummary(Path file) {
            this.gitHubSummary = file;
            return this;
        }

        /** GitLab CI's {@code $CI_PROJECT_DIR}, when on GitLab CI and {@code fastCi.ciSummary} is on. */
        public Builder gitLabProjectDir(Path dir) {
            this.gitLabProjectDir = dir;
            return this;
        }

        public Builder testFailureIgnore(boolean testFailureIgnore) {
            this.testFailureIgnore = testFailureIgnore;
            return this;
        }

        /**
         * What a retried CI job reruns ({@code fastCi.retry}): {@code all} the classes it ran in the earlier attempt
         * (the default, also for null), or only those that {@code failed} there.
         */
        public Builder retry(String mode) {
            if (mode == null || mode.isBlank() || mode.strip().equalsIgnoreCase("all")) {
                retryFailedOnly = false;
            } else if (mode.strip().equalsIgnoreCase("failed")) {
                retryFailedOnly = true;
            } else {
                throw new SettingsException("fastCi.retry must be all (rerun every class the retried job ran before) or"
                        + " failed (only those that failed there); was " + mode);
            }
            return this;
        }

        public Builder remote(String server, String secretKey, boolean fallback, String runKey) {
            this.server = blankToNull(server);
            this.secretKey = blankToNull(secretKey);
            this.fallback = fallback;
            if (runKey == null || runKey.isBlank()) {
                throw new SettingsException("fastCi.runKey is empty: leave it unset for junit-<artifactId>, or name the"
                        + " suite, unique per module");
            }
            this.runKey = runKey.strip();
            return this;
        }

        public Builder timingsFile(Path file) {
            this.timingsFile = file;
            return this;
        }

        public Builder splitClasses(boolean split) {
            this.splitClasses = split;
            return this;
        }

        /** Records a parameter that was set but that fast-ci cannot apply, as the line the log shows once. */
        public Builder notice(String line) {
            notices.add(line);
            return this;
        }

        public RunSettings build() {
            Objects.requireNonNull(testClassesDirectory, "testClassesDirectory");
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            Objects.requireNonNull(reportsDirectory, "reportsDirectory");
            Objects.requireNonNull(runKey, "runKey: call remote(…)");
            int forks = forkCount;
            Duration limit = timeout;
            if (debug != null) {
                // As Surefire: one fork a debugger can attach to, and no clock that kills it while it is paused.
                forks = 1;
                limit = Duration.ZERO;
            }
            return new RunSettings(
                    goal,
                    new Selection(
                            test,
                            includes,
                            excludes,
                            includesFile,
                            excludesFile,
                            groups,
                            excludedGroups,
                            dependenciesToScan,
                            failIfNoTests,
                            failIfNoSpecifiedTests,
                            runOrder,
                            testClassesDirectory,
                            includeEngines,
                            excludeEngines,
                            suiteXmlFiles,
                            objectFactory),
                    new Jvm(
                            forks,
                            reuseForks,
                            java,
                            jdkToolchain,
                            argLine,
                            enableAssertions,
                            systemProperties,
                            environment,
                            excludedEnvironment,
                            workingDirectory,
                            limit,
                            exitTimeout,
                            debug,
                            rerunFailingTestsCount,
                            skipAfterFailureCount,
                            configurationParameters,
                            classPath,
                            sharedArchive,
                            inProcess),
                    new Reports(
                            reportsDirectory,
                            redirectTestOutputToFile,
                            trimStackTrace,
                            printSummary,
                            xmlReports,
                            textReports,
                            summaryFile,
                            timelineFile,
                            progress,
                            gitHubSummary,
                            gitLabProjectDir,
                            layout,
                            testsetInfo,
                            testOutput),
                    new Verdict(testFailureIgnore, failOnFlakeCount),
                    new Remote(server, secretKey, fallback, runKey, retryFailedOnly),
                    timingsFile,
                    splitClasses,
                    notices);
        }

        private static int atLeastZero(String parameter, int value) {
            if (value < 0) {
                throw new SettingsException("Parameter \"" + parameter + "\" should not be negative, was " + value
                        + ": set it to 0 or more.");
            }
            return value;
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }

        private static List<String> listOf(List<String> values) {
            if (values == null) {
                return List.of();
            }
            List<String> copy = new ArrayList<>();
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    copy.add(value.strip());
                }
            }
            return copy;
        }
    }
}
