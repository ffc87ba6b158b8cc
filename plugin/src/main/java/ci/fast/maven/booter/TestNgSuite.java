package ci.fast.maven.booter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What fast-ci applies to the suite the JUnit Platform's TestNG engine builds, which names only classes and methods:
 * Surefire's {@code objectFactory}, and what TestNG would read from the {@code suiteXmlFiles} that Surefire's TestNG
 * provider hands it. Read on the Maven side ({@code discovery/TestNgSuiteFiles}), applied in the fork by
 * {@link TestNgSuiteListener}. JDK types only.
 *
 * @param objectFactory the class of the {@code ITestObjectFactory} that creates the test instances; null for TestNG's
 * @param parameters the suite files' suite-level {@code <parameter>}s, which the run's suite holds (a
 *     {@code @BeforeSuite}'s {@code @Parameters} read them)
 * @param listeners the suite files' {@code <listeners>}, in their order: registered with the engine's
 *     {@code testng.listeners}
 * @param parallel the suite's {@code parallel} ({@code methods}, {@code classes}, ...); null for TestNG's default
 * @param threadCount the suite's {@code thread-count}; 0 for TestNG's default
 * @param dataProviderThreadCount the suite's {@code data-provider-thread-count}; 0 for TestNG's default
 * @param tests each {@code <test>} of the files, by a name unique among them
 * @param classes each class the files name → where it stands in them
 */
public record TestNgSuite(
        String objectFactory,
        Map<String, String> parameters,
        List<String> listeners,
        String parallel,
        int threadCount,
        int dataProviderThreadCount,
        Map<String, Test> tests,
        Map<String, Member> classes) {
    /** Nothing to apply: the engine's suite runs as the engine built it. */
    public static final TestNgSuite NONE = new TestNgSuite(null, Map.of(), List.of(), null, 0, 0, Map.of(), Map.of());

    public TestNgSuite {
        parameters = ordered(parameters);
        listeners = List.copyOf(listeners);
        tests = ordered(tests);
        classes = ordered(classes);
    }

    /** Whether there is nothing to apply. */
    public boolean isEmpty() {
        return objectFactory == null
                && parameters.isEmpty()
                && listeners.isEmpty()
                && parallel == null
                && threadCount == 0
                && dataProviderThreadCount == 0
                && classes.isEmpty();
    }

    /** This suite with {@code className} as its object factory (null for TestNG's). */
    public TestNgSuite withObjectFactory(String className) {
        return new TestNgSuite(
                className, parameters, listeners, parallel, threadCount, dataProviderThreadCount, tests, classes);
    }

    /**
     * A {@code <test>} of a suite file.
     *
     * @param name its name, which the run's test takes
     * @param parameters its {@code <parameter>}s over its suite's (its suite's, and a parent suite's, included)
     * @param includedGroups the groups it runs, its suite's included: empty for all
     * @param excludedGroups the groups it does not run, its suite's included
     * @param parallel its {@code parallel}; null for its suite's
     * @param threadCount its {@code thread-count}; 0 for its suite's
     */
    public record Test(
            String name,
            Map<String, String> parameters,
            List<String> includedGroups,
            List<String> excludedGroups,
            String parallel,
            int threadCount) {
        public Test {
            parameters = ordered(parameters);
            includedGroups = List.copyOf(includedGroups);
            excludedGroups = List.copyOf(excludedGroups);
        }
    }

    /**
     * A class's place in the suite files (the first {@code <test>} that names it).
     *
     * @param test the key of its {@code <test>} in {@link TestNgSuite#tests()}
     * @param parameters its own {@code <parameter>}s, over its test's
     * @param excludedMethods its {@code <methods><exclude>}s: regular expressions of method names, as TestNG reads them
     */
    public record Member(String test, Map<String, String> parameters, List<String> excludedMethods) {
        public Member {
            parameters = ordered(parameters);
            excludedMethods = List.copyOf(excludedMethods);
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
