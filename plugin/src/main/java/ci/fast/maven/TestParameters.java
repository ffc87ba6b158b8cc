package ci.fast.maven;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The one declaration of the parameters that running tests takes: every parameter of maven-surefire-plugin's
 * {@code test} goal (3.5 and 3.6), under its name and with its meaning, and fast-ci's own. A goal adds only what differs
 * (its reports directory, its switches). A parameter whose user property differs between Surefire and Failsafe names
 * both in {@link GoalProperty}; the others carry Surefire's property. {@link SettingsTranslation} turns these fields into
 * the run's immutable settings; nothing else reads them.
 *
 * <p>Fields are package-private so that the translation beside them can read them; Maven sets them by name.
 */
abstract class TestParameters extends AbstractMojo {
    // ---- which tests -------------------------------------------------------------------------------------------

    /**
     * Which tests run, in Surefire's syntax: class globs, {@code !} exclusions, {@code Class#method},
     * {@code Class#m1+m2}, method globs, {@code %regex[...]}, comma lists. Overrides includes and excludes.
     */
    @GoalProperty(test = "test", integrationTest = "it.test")
    @Parameter
    String test;

    /** Test class patterns, as Surefire's {@code includes}. Default: Surefire's (Failsafe's for integration tests). */
    @GoalProperty(test = "surefire.includes", integrationTest = "failsafe.includes")
    @Parameter
    List<String> includes;

    /** Test class patterns to leave out, as Surefire's {@code excludes}. Default: nested classes. */
    @GoalProperty(test = "surefire.excludes", integrationTest = "failsafe.excludes")
    @Parameter
    List<String> excludes;

    /** A file of include patterns, one a line; blank lines and lines starting with {@code #} are ignored. */
    @GoalProperty(test = "surefire.includesFile", integrationTest = "failsafe.includesFile")
    @Parameter
    File includesFile;

    /** A file of exclude patterns, one a line; blank lines and lines starting with {@code #} are ignored. */
    @GoalProperty(test = "surefire.excludesFile", integrationTest = "failsafe.excludesFile")
    @Parameter
    File excludesFile;

    /**
     * JUnit Platform tag expressions, comma-separated, one of which a test must match; JUnit 4 categories by their
     * fully qualified class names. Unset: every test.
     */
    @Parameter(property = "groups")
    String groups;

    /** JUnit Platform tag expressions (or JUnit 4 categories), comma-separated, whose tests do not run. */
    @Parameter(property = "excludedGroups")
    String excludedGroups;

    /**
     * Dependencies whose test classes run too, as {@code groupId:artifactId[:type[:classifier]]}, such as a module's
     * {@code test-jar}. Their classes are chosen with the same includes, excludes and {@code test}.
     */
    @Parameter(property = "dependenciesToScan")
    String[] dependenciesToScan;

    /** Fails the build when no test ran and {@code test} is not set, as Surefire's {@code failIfNoTests}. */
    @Parameter(property = "failIfNoTests", defaultValue = "false")
    boolean failIfNoTests;

    /** Fails the build when {@code test} is set but no test matching it ran. */
    @GoalProperty(test = "surefire.failIfNoSpecifiedTests", integrationTest = "failsafe.failIfNoSpecifiedTests")
    @Parameter(defaultValue = "true")
    boolean failIfNoSpecifiedTests;

    /**
     * The order classes are queued in when the run has no timing history: {@code filesystem} (the default),
     * {@code alphabetical}, {@code reversealphabetical}, {@code random}, {@code hourly}, {@code failedfirst},
     * {@code balanced}. With timings the longest classes go first whatever it says, since that is what makes every
     * fork finish together; classes without a timing keep this order behind them.
     */
    @GoalProperty(test = "surefire.runOrder", integrationTest = "failsafe.runOrder")
    @Parameter(defaultValue = "filesystem")
    String runOrder;

    /** The seed of {@code runOrder=random}, printed when unset so that an order can be repeated. */
    @GoalProperty(test = "surefire.runOrder.random.seed", integrationTest = "failsafe.runOrder.random.seed")
    @Parameter
    Long runOrderRandomSeed;

    /** Surefire 3.6's checksum of its run-order statistics file; fast-ci keeps its own timings instead. */
    @GoalProperty(
            test = "surefire.runOrder.statisticsFile.checksum",
            integrationTest = "failsafe.runOrder.statisticsFile.checksum")
    @Parameter
    String runOrderStatisticsFileChecksum;

    /** JUnit Platform engines that may run, by id (such as {@code junit-jupiter}); unset: every engine. */
    @GoalProperty(test = "surefire.includeJUnit5Engines", integrationTest = "failsafe.includeJUnit5Engines")
    @Parameter
    String[] includeJUnit5Engines;

    /** JUnit Platform engines that must not run, by id. */
    @GoalProperty(test = "surefire.excludeJUnit5Engines", integrationTest = "failsafe.excludeJUnit5Engines")
    @Parameter
    String[] excludeJUnit5Engines;

    /** TestNG suite files to run instead of the discovered classes. */
    @GoalProperty(test = "surefire.suiteXmlFiles", integrationTest = "failsafe.suiteXmlFiles")
    @Parameter
    File[] suiteXmlFiles;

    /** TestNG's object factory class. */
    @Parameter(property = "objectFactory")
    String objectFactory;

    /** The JUnit 4 artifact, as {@code groupId:artifactId}. */
    @Parameter(property = "junitArtifactName", defaultValue = "junit:junit")
    String junitArtifactName;

    /** The TestNG artifact, as {@code groupId:artifactId}. */
    @Parameter(property = "testNGArtifactName", defaultValue = "org.testng:testng")
    String testNGArtifactName;

    /** Where the compiled test classes are. */
    @Parameter(defaultValue = "${project.build.testOutputDirectory}")
    File testClassesDirectory;

    /** Where the compiled main classes are; the forks' class path holds them after the test classes. */
    @Parameter(defaultValue = "${project.build.outputDirectory}")
    File classesDirectory;

    /** Where the test sources are; read to find a failure's line. */
    @Parameter(defaultValue = "${project.build.testSourceDirectory}")
    File testSourceDirectory;

    // ---- the forks ---------------------------------------------------------------------------------------------

    /**
     * How many forked JVMs run tests at once; each is one node of the run. A number, or forks per core such as
     * {@code 2C}, as Surefire's. {@code -DfastCi.forkCount} is read too, when {@code -DforkCount} is not given.
     */
    @Parameter(property = "forkCount", defaultValue = "1")
    String forkCount;

    /**
     * Whether a fork runs more than one class. {@code false}: a fresh JVM for every class, as Surefire's, each class
     * still taken from the queue.
     */
    @Parameter(property = "reuseForks", defaultValue = "true")
    boolean reuseForks;

    /**
     * JVM options for the forks, as Surefire's {@code argLine}. {@code @{name}} is replaced by the property's value when
     * the tests run, so {@code @{argLine} -Xmx512m} keeps what JaCoCo's {@code prepare-agent} set.
     */
    @Parameter(property = "argLine")
    String argLine;

    /** System properties set in the forks; the build's user properties, {@code basedir} and {@code localRepository} too. */
    @Parameter
    Map<String, String> systemPropertyVariables;

    /** System properties set in the forks, Surefire's older form; {@code systemPropertyVariables} wins over it. */
    @Parameter
    Properties systemProperties;

    /** A properties file whose entries are set as system properties in the forks, under {@code systemPropertyVariables}. */
    @GoalProperty(test = "surefire.systemPropertiesFile", integrationTest = "failsafe.systemPropertiesFile")
    @Parameter
    File systemPropertiesFile;

    /** Whether the build's user properties ({@code -Dname=value}) become system properties of the forks. */
    @Parameter(defaultValue = "true")
    boolean promoteUserPropertiesToSystemProperties;

    /** Environment variables added to the forks'. */
    @Parameter
    Map<String, String> environmentVariables;

    /** Environment variables of Maven's that the forks do not inherit. */
    @GoalProperty(
            test = "surefire.excludedEnvironmentVariables",
            integrationTest = "failsafe.excludedEnvironmentVariables")
    @Parameter
    String[] excludedEnvironmentVariables;

    /** The forks' working directory, created if missing. */
    @Parameter(property = "basedir", defaultValue = "${basedir}")
    File workingDirectory;

    /** The java executable of the forks; defaults to the toolchain's, then the one running Maven. */
    @Parameter(property = "jvm")
    String jvm;

    /** A JDK from {@code ~/.m2/toolchains.xml} for the forks, by its requirements (such as {@code version}). */
    @Parameter
    Map<String, String> jdkToolchain;

    /** Runs the forks with assertions enabled ({@code -ea}). */
    @Parameter(property = "enableAssertions", defaultValue = "true")
    boolean enableAssertions;

    /**
     * Kills a fork that runs longer than this many seconds; the class it was running is reported as an error and a
     * replacement fork goes on with the queue. 0: no limit.
     */
    @GoalProperty(test = "surefire.timeout", integrationTest = "failsafe.timeout")
    @Parameter(defaultValue = "0")
    int forkedProcessTimeoutInSeconds;

    /** How long a fork may take to exit once its tests are done before it is killed. */
    @GoalProperty(test = "surefire.exitTimeout", integrationTest = "failsafe.exitTimeout")
    @Parameter(defaultValue = "30")
    int forkedProcessExitTimeoutInSeconds;

    /**
     * Debugs the tests: {@code true} makes one fork wait for a debugger on port 5005, with timeouts off; any other
     * value is the JVM's debug options.
     */
    @GoalProperty(test = "maven.surefire.debug", integrationTest = "maven.failsafe.debug")
    @Parameter
    String debugForkedProcess;

    /** Class path elements added after the tests' own. */
    @Parameter(property = "maven.test.additionalClasspath")
    String[] additionalClasspathElements;

    /** Dependencies, resolved with their own dependencies, added to the forks' class path. */
    @Parameter
    List<Dependency> additionalClasspathDependencies;

    /** Dependencies left out of the forks' class path, as {@code groupId:artifactId}. */
    @Parameter(property = "maven.test.dependency.excludes")
    String[] classpathDependencyExcludes;

    /** A scope whose dependencies are left out of the forks' class path: compile, runtime, test, system, provided. */
    @Parameter
    String classpathDependencyScopeExclude;

    /**
     * Runs the tests of a module ({@code module-info.java} in the main or the test sources) on the module path, as
     * Surefire does; {@code false} keeps the class path.
     */
    @GoalProperty(test = "surefire.useModulePath", integrationTest = "failsafe.useModulePath")
    @Parameter(defaultValue = "true")
    boolean useModulePath;

    /** Whether the tests load from the system class loader, as they do in fast-ci's forks. */
    @GoalProperty(test = "surefire.useSystemClassLoader", integrationTest = "failsafe.useSystemClassLoader")
    @Parameter(defaultValue = "true")
    boolean useSystemClassLoader;

    /** Surefire's manifest-only jar for long class paths; fast-ci's forks take their class path in an argument file. */
    @GoalProperty(test = "surefire.useManifestOnlyJar", integrationTest = "failsafe.useManifestOnlyJar")
    @Parameter(defaultValue = "true")
    boolean useManifestOnlyJar;

    /** Surefire's isolated class loader for the tests (with {@code useSystemClassLoader=false}). */
    @Parameter(property = "childDelegation", defaultValue = "false")
    boolean childDelegation;

    /** Surefire's channel to its forks; fast-ci's forks always talk to Maven over a loopback socket. */
    @Parameter
    PlexusConfiguration forkNode;

    /** What a fork does when Maven stops: {@code exit}, {@code kill} or {@code testset}. */
    @GoalProperty(test = "surefire.shutdown", integrationTest = "failsafe.shutdown")
    @Parameter(defaultValue = "exit")
    String shutdown;

    /** Whether a fork checks that Maven still runs: {@code native}, {@code javax} or {@code all}. */
    @GoalProperty(test = "surefire.enableProcessChecker", integrationTest = "failsafe.enableProcessChecker")
    @Parameter
    String enableProcessChecker;

    /** The name of the forks' temporary directory under the build directory. */
    @Parameter(property = "tempDir", defaultValue = "surefire")
    String tempDir;

    /** Extra time-outs of Surefire 3.6's fork extensions. */
    @Parameter
    Map<String, String> forkedProcessTimeoutExtensionContext;

    // ---- inside the forks: JUnit Platform ------------------------------------------------------------------------

    /**
     * JUnit Platform configuration parameters, as Surefire's {@code <properties><configurationParameters>}. A
     * {@code junit-platform.properties} on the test class path works as ever, under these.
     */
    @Parameter
    Properties properties;

    /**
     * Runs tests in parallel in each fork: {@code methods}, {@code classes}, {@code both}, {@code suites},
     * {@code suitesAndClasses}, {@code suitesAndMethods}, {@code classesAndMethods}, {@code all}; mapped onto the
     * JUnit Platform's parallel execution.
     */
    @Parameter(property = "parallel")
    String parallel;

    /** Threads for {@code parallel}. */
    @Parameter(property = "threadCount")
    int threadCount;

    /** Threads for classes, with {@code parallel}. */
    @Parameter(property = "threadCountClasses", defaultValue = "0")
    int threadCountClasses;

    /** Threads for methods, with {@code parallel}. */
    @Parameter(property = "threadCountMethods", defaultValue = "0")
    int threadCountMethods;

    /** Threads for suites, with {@code parallel}. */
    @Parameter(property = "threadCountSuites", defaultValue = "0")
    int threadCountSuites;

    /** Whether {@code threadCount} counts per core. */
    @Parameter(property = "perCoreThreadCount", defaultValue = "true")
    boolean perCoreThreadCount;

    /** No limit on the threads of {@code parallel}. */
    @Parameter(property = "useUnlimitedThreads", defaultValue = "false")
    boolean useUnlimitedThreads;

    /** Surefire's JUnit 4.7 provider's thread optimisation. */
    @Parameter(property = "parallelOptimized", defaultValue = "true")
    boolean parallelOptimized;

    /** How long parallel tests may run after the others ended, then they are interrupted. */
    @GoalProperty(test = "surefire.parallel.timeout", integrationTest = "failsafe.parallel.timeout")
    @Parameter
    double parallelTestsTimeoutInSeconds;

    /** How long parallel tests may run after the others ended, then they are stopped. */
    @GoalProperty(test = "surefire.parallel.forcedTimeout", integrationTest = "failsafe.parallel.forcedTimeout")
    @Parameter
    double parallelTestsTimeoutForcedInSeconds;

    /**
     * Reruns each failed test up to this many times in the same fork; a test that passes on a rerun is reported as
     * flaky and does not fail the build. 0 reruns nothing.
     */
    @GoalProperty(test = "surefire.rerunFailingTestsCount", integrationTest = "failsafe.rerunFailingTestsCount")
    @Parameter(defaultValue = "0")
    int rerunFailingTestsCount;

    /** Fails the build once this many tests were flaky; 0 never does; needs {@code rerunFailingTestsCount}. */
    @GoalProperty(test = "surefire.failOnFlakeCount", integrationTest = "failsafe.failOnFlakeCount")
    @Parameter(defaultValue = "0")
    int failOnFlakeCount;

    /** Once this many tests failed anywhere in the run, no more classes are taken; 0: never. */
    @GoalProperty(test = "surefire.skipAfterFailureCount", integrationTest = "failsafe.skipAfterFailureCount")
    @Parameter(defaultValue = "0")
    int skipAfterFailureCount;

    // ---- reports -----------------------------------------------------------------------------------------------

    /** Reports test failures without failing the build. */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    boolean testFailureIgnore;

    /**
     * Writes what each test class prints to {@code <class>-output.txt} in the reports directory instead of the
     * console. The XML reports keep it either way.
     */
    @Parameter(property = "maven.test.redirectTestOutputToFile", defaultValue = "false")
    boolean redirectTestOutputToFile;

    /** Keeps only the test class's own frames of a failure's stack trace in the reports. */
    @Parameter(property = "trimStackTrace", defaultValue = "false")
    boolean trimStackTrace;

    /**
     * Surefire 3.6: how many frames of the stack Surefire captures at each line a test prints, to find the class that
     * printed it. fast-ci knows which test runs and captures none: named in the log when set.
     */
    @GoalProperty(test = "surefire.stackTraceMaxFrames", integrationTest = "failsafe.stackTraceMaxFrames")
    @Parameter(defaultValue = "15")
    int stackTraceMaxFrames;

    /** Surefire 3.6: packages whose frames that capture leaves out (java., javax., sun., jdk. unless set). */
    @GoalProperty(test = "surefire.stackTraceFilterPrefixes", integrationTest = "failsafe.stackTraceFilterPrefixes")
    @Parameter
    List<String> stackTraceFilterPrefixes;

    /** Whether the summary is printed at the end. */
    @GoalProperty(test = "surefire.printSummary", integrationTest = "failsafe.printSummary")
    @Parameter(defaultValue = "true")
    boolean printSummary;

    /** The text reports' format: {@code brief} or {@code plain} (each test's line too). */
    @GoalProperty(test = "surefire.reportFormat", integrationTest = "failsafe.reportFormat")
    @Parameter(defaultValue = "brief")
    String reportFormat;

    /** Whether text reports ({@code <class>.txt}) are written. */
    @GoalProperty(test = "surefire.useFile", integrationTest = "failsafe.useFile")
    @Parameter(defaultValue = "true")
    boolean useFile;

    /** A suffix for the report files' names and the suites' names, as {@code TEST-<class>-<suffix>.xml}. */
    @GoalProperty(test = "surefire.reportNameSuffix", integrationTest = "failsafe.reportNameSuffix")
    @Parameter(defaultValue = "")
    String reportNameSuffix;

    /** No XML reports (deprecated in Surefire). */
    @Parameter(property = "disableXmlReport")
    Boolean disableXmlReport;

    /** Whether XML reports keep a test's output in {@code system-out} and {@code system-err}. */
    @Parameter(property = "enableOutErrElements", defaultValue = "true")
    boolean enableOutErrElements;

    /** Whether XML reports list the fork's system properties. */
    @Parameter(property = "enablePropertiesElement", defaultValue = "true")
    boolean enablePropertiesElement;

    /** Surefire 3.6: whether each testcase carries a timestamp. */
    @Parameter(property = "reportTestTimestamp", defaultValue = "false")
    boolean reportTestTimestamp;

    /** The reports' encoding. */
    @GoalProperty(test = "surefire.encoding", integrationTest = "encoding")
    @Parameter(defaultValue = "${project.reporting.outputEncoding}")
    String encoding;

    /** Surefire's reporter of the tests' output and its options: {@code disable} (no output shown nor written). */
    @Parameter
    PlexusConfiguration consoleOutputReporter;

    /**
     * Surefire's XML reporter and its options: {@code disable}, {@code version}, and {@code JUnit5Xml30StatelessReporter}'s
     * {@code usePhrasedFileName}, {@code usePhrasedTestSuiteClassName}, {@code usePhrasedTestCaseClassName}.
     */
    @Parameter
    PlexusConfiguration statelessTestsetReporter;

    /** Surefire's reporter of the class lines and text reports, and its options: {@code disable}. */
    @Parameter
    PlexusConfiguration statelessTestsetInfoReporter;

    // ---- fast-ci's own -----------------------------------------------------------------------------------------

    /**
     * The orchestration server's base URL, such as {@code wss://apx.ruby.ci:443}. Unset: local mode, with an
     * embedded orchestrator. Also read from the environment variable {@code FAST_CI_SERVER}.
     */
    @Parameter(property = "fastCi.server")
    String server;

    /**
     * The project's secret key for remote mode. Prefer the environment variable {@code FAST_CI_SECRET_KEY}: a key
     * written in a pom is visible to anyone who can read the project.
     */
    @Parameter(property = "fastCi.secretKey")
    String secretKey;

    /**
     * In remote mode, when the server cannot be reached at the start (after retrying for about 20 s): run this
     * node's share of the classes locally with a prominent warning, instead of failing. A refused key never falls
     * back, nor a CI retry.
     */
    @Parameter(property = "fastCi.fallback", defaultValue = "true")
    boolean fallback;

    /**
     * What a retried CI job reruns with our own server ({@code fast-ci:serve}): {@code all} the classes its CI node ran
     * in the earlier attempt, or only those that {@code failed} there. Where that cannot be known (the cloud, a CI
     * that does not name its jobs' attempts), a retry runs as a new run, and says so.
     */
    @Parameter(property = "fastCi.retry", defaultValue = "all")
    String retry;

    /**
     * The suite within the build; every module and goal needs its own. Unset: {@code junit-<artifactId>} for
     * {@code test}, {@code it-<artifactId>} for {@code integration-test}.
     */
    @Parameter(property = "fastCi.runKey")
    String runKey;

    /**
     * Where local mode keeps each test class's last duration, to hand out the longest classes first next time. Point
     * it at a directory your CI caches to keep the history between builds. Unset: {@code target/fast-ci/timings.json}
     * for {@code test}, {@code target/fast-ci/it-timings.json} for {@code integration-test}.
     */
    @Parameter(property = "fastCi.timingsFile")
    File timingsFile;

    /**
     * Hands out a test class whose estimate exceeds its fair share of the run (the suite's estimated time over the
     * forks) by method, in parts, to several forks, once its methods' times are in the timing history; its report is
     * still one TEST-&lt;class&gt;.xml. Opt-in: each part runs the class's {@code @BeforeAll} and static initializers
     * again in its own JVM. See the README for which classes are split.
     */
    @Parameter(property = "fastCi.splitClasses", defaultValue = "false")
    boolean splitClasses;

    /**
     * A progress line while the tests run, at least every 10 s and at most every 2 s: classes done, failed tests so
     * far, forks active, time elapsed and an estimate of what is left. {@code false}: none.
     */
    @Parameter(property = "fastCi.progress", defaultValue = "true")
    boolean progress;

    /**
     * On GitHub Actions: append a summary of the run to the job's summary ({@code $GITHUB_STEP_SUMMARY}) and print one
     * {@code ::error} workflow command per failed test, so GitHub shows it on the diff. {@code false}: neither.
     */
    @Parameter(property = "fastCi.ciSummary", defaultValue = "true")
    boolean ciSummary;

    /**
     * The forks map a class-data-sharing archive of the JDK classes they load, kept in {@code ~/.fast-ci/cds} per java
     * executable; the first run without one makes it. Never used when argLine sets CDS options of its own. {@code
     * false}: none.
     */
    @Parameter(property = "fastCi.cds", defaultValue = "true")
    boolean cds;
}
