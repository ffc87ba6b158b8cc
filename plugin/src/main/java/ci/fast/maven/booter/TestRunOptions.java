package ci.fast.maven.booter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a fork's tests run, fixed on the Maven side and read in the fork: a new setting of the tests' side is one
 * component here and its use in the fork; it travels inside {@link ForkSettings} untouched. JDK types only.
 *
 * @param filters which of the classes' tests run: method patterns and tags
 * @param rerunFailingTestsCount how often a failed test runs again, Surefire's {@code rerunFailingTestsCount}; 0 for
 *     never
 * @param configurationParameters JUnit Platform configuration parameters, which win over a
 *     {@code junit-platform.properties} on the class path
 * @param includeEngines ids of the engines that may run (Surefire's {@code includeJUnit5Engines}); empty for all
 * @param excludeEngines ids of the engines that must not run (Surefire's {@code excludeJUnit5Engines})
 * @param skipAfterFailureCount Surefire's {@code skipAfterFailureCount} as far as one node sees it: once the tests it
 *     ran have failed this often, the classes it is handed are reported skipped, not run; 0 for no limit
 * @param junit4Reports whether the reports are those of Surefire's JUnit 4 (or 3) provider, which runs a project
 *     with {@code junit:junit} and no JUnit Platform: all that a class ran through the Vintage engine (a suite's
 *     members, {@code Enclosed} inner classes) counts in that class's report; otherwise those of its JUnit Platform
 *     provider
 * @param suiteSelectors what TestNG suite files name to run (Surefire's {@code suiteXmlFiles}), {@code pkg.Class} or
 *     {@code pkg.Class#method}: the batch entry {@link #SUITE_FILES} runs them all, in one report; empty for none
 * @param testNg what TestNG's runs apply beyond the classes and methods: Surefire's {@code objectFactory}, the suite
 *     files' parameters, listeners, groups, parallel settings and excluded methods ({@link TestNgSuiteListener})
 * @param ownJUnit3 whether the forks run a JUnit 3.8 project with its own junit jar, as Surefire's JUnit 3 provider
 *     does ({@link JUnit3Tests}): no JUnit 4 and no engine on their class path, every batch through junit.framework,
 *     and none of the options above applied (the Maven side sets it only where none is set: that provider has none)
 */
public record TestRunOptions(
        TestFilters filters,
        int rerunFailingTestsCount,
        Map<String, String> configurationParameters,
        List<String> includeEngines,
        List<String> excludeEngines,
        int skipAfterFailureCount,
        boolean junit4Reports,
        List<String> suiteSelectors,
        TestNgSuite testNg,
        boolean ownJUnit3) {
    /**
     * The reason each test of a class is reported skipped with once {@code skipAfterFailureCount} is reached: the JUnit
     * Platform's (6 and later) for a test its cancelled run did not start, which Surefire writes as it comes.
     */
    public static final String SKIPPED_AFTER_FAILURES = "Execution cancelled";

    /** Every test of the classes, once, with the Platform's own configuration. */
    public static final TestRunOptions DEFAULTS = new TestRunOptions(
            TestFilters.NONE, 0, Map.of(), List.of(), List.of(), 0, false, List.of(), TestNgSuite.NONE, false);

    /**
     * The queue's one entry for a run of TestNG suite files, and the name of its report, as Surefire's TestNG provider
     * names it: {@code TEST-TestSuite.xml}.
     */
    public static final String SUITE_FILES = "TestSuite";

    public TestRunOptions {
        filters = filters == null ? TestFilters.NONE : filters;
        configurationParameters = Collections.unmodifiableMap(new LinkedHashMap<>(configurationParameters));
        includeEngines = List.copyOf(includeEngines);
        excludeEngines = List.copyOf(excludeEngines);
        suiteSelectors = List.copyOf(suiteSelectors);
        testNg = testNg == null ? TestNgSuite.NONE : testNg;
        if (rerunFailingTestsCount < 0) {
            throw new IllegalArgumentException("Parameter \"rerunFailingTestsCount\" should not be negative, was "
                    + rerunFailingTestsCount + ": set it to 0 (no reruns) or more.");
        }
        if (skipAfterFailureCount < 0) {
            throw new IllegalArgumentException("Parameter \"skipAfterFailureCount\" should not be negative, was "
                    + skipAfterFailureCount + ": set it to 0 (no limit) or more.");
        }
    }

    /** These options with other filters (the test selection resolved on the Maven side). */
    public TestRunOptions withFilters(TestFilters other) {
        return new TestRunOptions(
                other,
                rerunFailingTestsCount,
                configurationParameters,
                includeEngines,
                excludeEngines,
                skipAfterFailureCount,
                junit4Reports,
                suiteSelectors,
                testNg,
                ownJUnit3);
    }
}
