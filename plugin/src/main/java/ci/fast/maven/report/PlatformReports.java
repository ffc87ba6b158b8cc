package ci.fast.maven.report;

import ci.fast.maven.config.VersionNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of the reports of a class with {@code @Nested} classes (or, through the Vintage engine, an
 * {@code Enclosed} class's inner classes and a {@code Suite}'s members), which Surefire changed between its releases:
 * the one place that tells them apart. Two versions decide: the provider's that runs the tests, which names what ran
 * (its JUnit Platform provider, a {@code surefire-junit-platform} plugin dependency's version where the pom names one,
 * as easymock's does), and the plugin's, whose report writer counts and names it. As real Surefire runs of the same
 * classes write them (plugin and provider of one version):
 *
 * <table>
 *   <caption>by Surefire version</caption>
 *   <tr><th></th><th>up to 3.5.3</th><th>3.5.4</th><th>3.5.5, 3.5.6</th><th>3.6</th></tr>
 *   <tr><td>reports</td><td>one per class container</td><td colspan="3">one per top-level class</td></tr>
 *   <tr><td>a suite counts</td><td>its container's tests</td><td>the class's own tests</td>
 *       <td colspan="2">every testcase it lists</td></tr>
 *   <tr><td>{@code flakes} attribute</td><td colspan="2">no</td><td colspan="2">yes</td></tr>
 *   <tr><td>testcase classname</td><td>binary name</td><td colspan="2">the class's {@code @DisplayName}, else its
 *       binary name</td><td>binary name</td></tr>
 * </table>
 *
 * @param perContainer each class container has its own report, named by its binary name, listing and counting the
 *     tests of that container only (a provider before 3.5.4)
 * @param countsAll a suite counts every testcase it lists, a {@code @Nested} class's too; otherwise only the class's
 *     own (a plugin from 3.5.5)
 * @param flakes the suite has a {@code flakes} attribute, the tests that failed and then passed (a plugin from 3.5.5)
 * @param displayNameClassnames a testcase's classname is its class's {@code @DisplayName} where it has one (a plugin
 *     from 3.5.4 to 3.5.6; with an older provider, the display names of the enclosing classes and its own)
 * @param perTestClass the tests run by Surefire's JUnit 4.7+ provider ({@code surefire-junit47}), which it takes for
 *     JUnit 4.7 and later when {@code parallel}, {@code groups} or {@code excludedGroups} is set: a report for each
 *     class that tests ran in (a {@code Suite}'s members, an {@code Enclosed} class's inner classes, a JUnit 3
 *     {@code suite()}'s test cases), none for the suite itself
 */
public record PlatformReports(
        boolean perContainer, boolean countsAll, boolean flakes, boolean displayNameClassnames, boolean perTestClass) {

    /** Surefire 3.5.4's, the shape fast-ci's reports had before it told versions apart. */
    public static final PlatformReports SUREFIRE_3_5_4 = of("3.5.4");

    /** The shape of the reports of Surefire at {@code version}, its own provider's. */
    public static PlatformReports of(String version) {
        return of(version, version);
    }

    /**
     * The shape of the reports of the Surefire (or Failsafe) plugin at {@code pluginVersion} running the tests with its
     * JUnit Platform provider at {@code providerVersion}; null, or a version that is no number ({@code LATEST}),
     * counts as the newest.
     */
    public static PlatformReports of(String pluginVersion, String providerVersion) {
        boolean before355 = VersionNumber.below(pluginVersion, 3, 5, 5);
        return new PlatformReports(
                VersionNumber.below(providerVersion, 3, 5, 4),
                !before355,
                !before355,
                !VersionNumber.below(pluginVersion, 3, 5, 4) && VersionNumber.below(pluginVersion, 3, 6, 0),
                false);
    }

    /** These reports as Surefire's JUnit 4.7+ provider writes them: {@link #perTestClass}. */
    public PlatformReports junit47() {
        return new PlatformReports(perContainer, countsAll, flakes, displayNameClassnames, true);
    }

    /**
     * The reports a class's result is written as, in the order its containers finished: itself; or, {@link
     * #perContainer}, one for each of its test sets, named by the set's class, holding the tests of that class (a
     * test of no set's class goes to the class's own). The class's own report, last, keeps what the class printed.
     * A class of one set (no {@code @Nested} class, or a provider that counts all in the class) is itself.
     */
    public List<ClassResult> reports(ClassResult r) {
        if (perTestClass) {
            return byTestClass(r);
        }
        List<TestSet> sets = r.sets();
        if (!perContainer || sets.size() < 2) {
            return List.of(r);
        }
        List<List<TestResult>> tests = new ArrayList<>();
        sets.forEach(set -> tests.add(new ArrayList<>()));
        for (TestResult t : r.tests()) {
            int at = sets.size() - 1;
            for (int i = 0; i < sets.size(); i++) {
                if (sets.get(i).className().equals(t.className())) {
                    at = i;
                }
            }
            tests.get(at).add(t);
        }
        List<ClassResult> reports = new ArrayList<>(sets.size());
        for (int i = 0; i < sets.size(); i++) {
            TestSet set = sets.get(i);
            boolean own = i == sets.size() - 1;
            // A plugin that names testcases by display name names them, with such a provider, by the chained names.
            String chained = set.chainedName().equals(set.className()) ? null : set.chainedName();
            List<TestResult> its = tests.get(i).stream()
                    .map(t -> t.toBuilder().classDisplayName(chained).build())
                    .toList();
            // Before 3.5.4 Surefire names every container by its binary name, on the console too.
            ClassResult.Builder report = (own ? r.toBuilder() : ClassResult.builder(set.className()))
                    .tests(its)
                    .seconds(own ? r.seconds() : set.seconds())
                    .sets(List.of(new TestSet(
                            set.className(), set.className(), set.chainedName(), its.size(), set.seconds())));
            if (!own) {
                report.properties(r.properties());
            }
            reports.add(report.build());
        }
        return reports;
    }

    /**
     * One report for each class its tests ran in, in the order of their first tests; the class's own (or, when none
     * of its tests is its own, the first) keeps what it printed. A class without tests is itself.
     */
    private static List<ClassResult> byTestClass(ClassResult r) {
        Map<String, List<TestResult>> byClass = new LinkedHashMap<>();
        r.tests().forEach(t -> byClass.computeIfAbsent(t.className(), c -> new ArrayList<>())
                .add(t));
        if (byClass.isEmpty() || byClass.size() == 1 && byClass.containsKey(r.className())) {
            return List.of(r);
        }
        String keeper = byClass.containsKey(r.className())
                ? r.className()
                : byClass.keySet().iterator().next();
        List<ClassResult> reports = new ArrayList<>(byClass.size());
        byClass.forEach((className, tests) -> {
            double seconds = tests.stream().mapToDouble(TestResult::seconds).sum();
            ClassResult.Builder report = ClassResult.builder(className).properties(r.properties());
            if (className.equals(keeper)) {
                report.output(r.stdout(), r.stderr())
                        .nativeOutput(r.nativeOut(), r.nativeErr())
                        .context(r.context());
            }
            reports.add(report.tests(tests)
                    .seconds(seconds)
                    .sets(List.of(new TestSet(className, className, className, tests.size(), seconds)))
                    .build());
        });
        return reports;
    }

    /**
     * What a suite's attributes count: the class's own tests; or, {@link #countsAll}, every test it lists as Surefire
     * 3.5.5 counts them, by name: tests of one name (a {@code @Nested} class's {@code test()} beside the outer one's)
     * are one, failed if one of them failed and never passed, flaky if one failed and one passed on a rerun.
     */
    Counts counts(ClassResult r) {
        if (!countsAll) {
            ClassResult own = r.ownSet();
            return new Counts(own.run(), own.errors(), own.skipped(), own.failures(), own.flakes());
        }
        Map<String, List<TestResult>> byName = new LinkedHashMap<>();
        r.tests().forEach(t -> byName.computeIfAbsent(t.name(), n -> new ArrayList<>())
                .add(t));
        int errors = 0;
        int skipped = 0;
        int failures = 0;
        int flakyTests = 0;
        for (List<TestResult> runs : byName.values()) {
            Status status = merged(runs);
            errors += status == Status.ERROR ? 1 : 0;
            failures += status == Status.FAILED ? 1 : 0;
            skipped += status == Status.SKIPPED ? 1 : 0;
            flakyTests += status == null ? 1 : 0;
        }
        return new Counts(byName.size(), errors, skipped, failures, flakyTests);
    }

    /** The outcome of every run of the tests of one name, as Surefire merges them; null for flaky. */
    private static Status merged(List<TestResult> tests) {
        boolean passed = false;
        boolean failed = false;
        boolean error = false;
        boolean reran = false;
        for (TestResult t : tests) {
            List<TestResult> runs = new ArrayList<>(t.reruns());
            runs.add(t);
            reran |= !t.reruns().isEmpty();
            for (TestResult run : runs) {
                passed |= run.status() == Status.PASSED;
                failed |= run.status() == Status.FAILED;
                error |= run.status() == Status.ERROR;
            }
        }
        if (failed || error) {
            return passed && reran ? null : error ? Status.ERROR : Status.FAILED;
        }
        return passed ? Status.PASSED : Status.SKIPPED;
    }

    /** A suite's counts, as its attributes say them. */
    record Counts(int tests, int errors, int skipped, int failures, int flakes) {}

    /**
     * The testcase's {@code classname}, before a report name suffix: its class's display name where this version
     * writes it, or the reporter's {@code usePhrasedTestCaseClassName} asks for it; else its binary name.
     */
    String classname(TestResult t, boolean phrased) {
        return phrased || displayNameClassnames ? t.reportClassName() : t.className();
    }
}
