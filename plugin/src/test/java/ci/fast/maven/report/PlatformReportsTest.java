package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.TextReports;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.SurefireReportParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports of a class with {@code @Nested} classes at each Surefire version: the shapes real Surefire 3.5.3, 3.5.4,
 * 3.5.6 and 3.6.0 wrote for the same classes (a class with two tests, a named {@code @Nested} class, a {@code @Nested}
 * class with a failing test and a {@code @Nested} class of its own).
 */
class PlatformReportsTest {
    private static final String OUTER = "com.acme.NestingTest";
    private static final String INNER = OUTER + "$Inner";
    private static final String DEEPER = INNER + "$Deeper";
    private static final String NAMED = OUTER + "$NamedInner";

    @TempDir
    Path reports;

    @Test
    void eachVersionHasItsShape() {
        assertEquals(new PlatformReports(true, false, false, false, false), PlatformReports.of("3.5.3"));
        assertEquals(new PlatformReports(true, false, false, false, false), PlatformReports.of("3.0.0-M7"));
        assertEquals(new PlatformReports(false, false, false, true, false), PlatformReports.of("3.5.4"));
        assertEquals(new PlatformReports(false, true, true, true, false), PlatformReports.of("3.5.5"));
        assertEquals(new PlatformReports(false, true, true, true, false), PlatformReports.of("3.5.6"));
        assertEquals(new PlatformReports(false, true, true, false, false), PlatformReports.of("3.6.0"));
        assertEquals(new PlatformReports(false, true, true, false, false), PlatformReports.of("3.6.0-M1"));
        assertEquals(PlatformReports.SUREFIRE_3_5_4, ReportLayout.SUREFIRE.platform());
    }

    @Test
    void noVersionIsTheNewest() {
        assertEquals(PlatformReports.of("3.6.1"), PlatformReports.of(null));
        assertEquals(PlatformReports.of("3.6.1"), PlatformReports.of("LATEST"));
    }

    @Test
    void theProviderDecidesTheReportsAndThePluginHowTheyCountAndName() {
        // easymock's pom: Surefire 3.5.4 with surefire-junit-platform 3.5.3 as a plugin dependency.
        PlatformReports easymock = PlatformReports.of("3.5.4", "3.5.3");
        assertTrue(easymock.perContainer());
        assertFalse(easymock.countsAll());
        assertTrue(easymock.displayNameClassnames());
        assertTrue(PlatformReports.of("3.5.6", "3.5.3").flakes());
    }

    @Test
    void before354EachContainerHasItsReportOfItsOwnTests() throws Exception {
        write(PlatformReports.of("3.5.3"), nesting());

        assertEquals(
                Map.of(
                        "TEST-" + OUTER + ".xml", List.of(OUTER + ":outer", OUTER + ":outerLast"),
                        "TEST-" + NAMED + ".xml", List.of(NAMED + ":named"),
                        "TEST-" + INNER + ".xml", List.of(INNER + ":inner", INNER + ":innerFails"),
                        "TEST-" + DEEPER + ".xml", List.of(DEEPER + ":deepest")),
                testcases());
        assertEquals(Arrays.asList("2", "0", null), suite(OUTER, "tests", "failures", "flakes"));
        assertEquals(List.of("2", "1"), suite(INNER, "tests", "failures"));
        assertEquals(List.of(NAMED, "1"), suite(NAMED, "name", "tests"));
        assertEquals(List.of(DEEPER, "1"), suite(DEEPER, "name", "tests"));
        assertEquals(
                List.of(DEEPER + ".txt", INNER + ".txt", NAMED + ".txt", OUTER + ".txt"),
                files(".txt"),
                "a text report each too");
        String inner = Files.readString(reports.resolve(INNER + ".txt"));
        assertTrue(inner.contains("Test set: " + INNER), inner);
        assertTrue(inner.contains("Tests run: 2, Failures: 1, Errors: 0, Skipped: 0"), inner);
        assertTrue(inner.contains(INNER + ".innerFails -- Time elapsed"), "named by its own class: " + inner);
    }

    @Test
    void thePlugin354WithAnOlderProviderNamesTestcasesByTheChainedDisplayNames() throws Exception {
        write(PlatformReports.of("3.5.4", "3.5.3"), nesting());

        assertEquals(4, files(".xml").size());
        assertEquals(List.of("NestingTest Named inner:named"), testcases().get("TEST-" + NAMED + ".xml"));
        assertEquals(
                List.of(INNER + ":inner", INNER + ":innerFails"), testcases().get("TEST-" + INNER + ".xml"));
    }

    @Test
    void in354OneReportCountsTheClassOwnTestsAndNamesNamedClassesByDisplayName() throws Exception {
        write(PlatformReports.of("3.5.4"), nesting());

        assertEquals(List.of("TEST-" + OUTER + ".xml"), files(".xml"));
        assertEquals(
                List.of(
                        OUTER + ":outer",
                        OUTER + ":outerLast",
                        "Named inner:named",
                        INNER + ":inner",
                        INNER + ":innerFails",
                        DEEPER + ":deepest"),
                testcases().get("TEST-" + OUTER + ".xml"));
        assertEquals(Arrays.asList("0", "0", null), suite(OUTER, "tests", "failures", "flakes"));
    }

    @Test
    void from355TheSuiteCountsEveryTestcaseAndItsFlakes() throws Exception {
        write(PlatformReports.of("3.5.6"), nesting());

        assertEquals(List.of("6", "1", "0", "0"), suite(OUTER, "tests", "failures", "errors", "flakes"));
        assertEquals(
                "Named inner:named", testcases().get("TEST-" + OUTER + ".xml").get(2));
    }

    @Test
    void in36ClassnamesAreBinaryNames() throws Exception {
        write(PlatformReports.of("3.6.0"), nesting());

        assertEquals(List.of("6", "1", "0"), suite(OUTER, "tests", "failures", "flakes"));
        assertEquals(NAMED + ":named", testcases().get("TEST-" + OUTER + ".xml").get(2));
    }

    @Test
    void usePhrasedTestCaseClassNameNamesThemByDisplayNameIn36Too() throws Exception {
        ReportLayout phrased = ReportLayout.builder()
                .platform(PlatformReports.of("3.6.0"))
                .phrasedClassName(true)
                .build();
        new XmlReportWriter(XmlReportWriter.SCHEMA_LOCATION, phrased).write(nesting(), reports);

        assertEquals(
                "Named inner:named", testcases().get("TEST-" + OUTER + ".xml").get(2));
    }

    @Test
    void countsAFlakyTestAsAFlakeAndTestsOfOneNameOnceAsSurefire355() throws Exception {
        TestResult flaky = TestResult.builder("passesSecond", OUTER, Status.FAILED)
                .failure("org.opentest4j.AssertionFailedError", "first run", "t")
                .build()
                .withRerun(
                        TestResult.builder("passesSecond", OUTER, Status.PASSED).build());
        TestResult sameName = TestResult.builder("outer", INNER, Status.FAILED)
                .failure("org.opentest4j.AssertionFailedError", "no", "t")
                .build();
        ClassResult r = ClassResult.builder(OUTER)
                .tests(List.of(passed(OUTER, "outer"), flaky, sameName))
                .sets(List.of(new TestSet(INNER, INNER, INNER, 3, 0.1), new TestSet(OUTER, OUTER, OUTER, 3, 0.2)))
                .build();

        write(PlatformReports.of("3.6.0"), r);

        // outer() of the class and of its @Nested class are one test, which failed: Surefire keys them by name.
        assertEquals(List.of("2", "1", "1"), suite(OUTER, "tests", "failures", "flakes"));
        assertEquals(3, testcases().get("TEST-" + OUTER + ".xml").size());
    }

    @Test
    void aClassWithoutNestedClassesIsOneReportAtEveryVersion() throws Exception {
        ClassResult plain = ClassResult.builder(OUTER)
                .tests(List.of(passed(OUTER, "one"), passed(OUTER, "two")))
                .sets(List.of(new TestSet(OUTER, OUTER, OUTER, 2, 0.1)))
                .build();
        for (String version : List.of("3.5.3", "3.5.4", "3.6.0")) {
            assertEquals(List.of(plain), PlatformReports.of(version).reports(plain), version);
        }
    }

    @Test
    void theJUnit47ProviderWritesAReportForEachClassTestsRanInAndNoneForTheSuite() throws Exception {
        // What a JUnit 4 suite's run is as the JUnit 4 provider reports it: one set, its members' tests.
        String suite = "com.acme.MembersTest";
        ClassResult members = ClassResult.builder(suite)
                .tests(List.of(
                        passed("com.acme.AlphaChecks", "adds"),
                        TestResult.builder("errors", "com.acme.BetaChecks", Status.ERROR)
                                .failure("java.lang.IllegalStateException", "boom", "t")
                                .build(),
                        passed("com.acme.BetaChecks", "one")))
                .output("printed\n", "")
                .sets(List.of(new TestSet(suite, suite, suite, 3, 0.3)))
                .build();

        write(PlatformReports.of("3.5.4").junit47(), members);

        assertEquals(
                Map.of(
                        "TEST-com.acme.AlphaChecks.xml", List.of("com.acme.AlphaChecks:adds"),
                        "TEST-com.acme.BetaChecks.xml",
                                List.of("com.acme.BetaChecks:errors", "com.acme.BetaChecks:one")),
                testcases());
        assertEquals(List.of("2", "1"), suite("com.acme.BetaChecks", "tests", "errors"));
        assertEquals(List.of("com.acme.AlphaChecks.txt", "com.acme.BetaChecks.txt"), files(".txt"));
        List<ClassResult> reports = PlatformReports.of("3.5.4").junit47().reports(members);
        assertEquals("printed\n", reports.get(0).stdout(), "the first keeps the output when the suite has no tests");
        assertEquals("", reports.get(1).stdout());
        assertEquals(List.of(members), PlatformReports.of("3.5.4").reports(members), "the JUnit 4 provider's: one");
    }

    @Test
    void theJUnit47ProviderKeepsAClassOfItsOwnTestsWhole() {
        ClassResult plain = ClassResult.builder(OUTER)
                .tests(List.of(passed(OUTER, "one"), passed(OUTER, "two")))
                .sets(List.of(new TestSet(OUTER, OUTER, OUTER, 2, 0.1)))
                .build();

        assertEquals(List.of(plain), PlatformReports.of("3.5.4").junit47().reports(plain));
    }

    @Test
    void surefiresReportParserReadsEveryShape() throws Exception {
        for (String version : List.of("3.5.3", "3.5.4", "3.6.0")) {
            Path dir = Files.createDirectories(reports.resolve(version));
            new XmlReportWriter(XmlReportWriter.SCHEMA_LOCATION, layout(PlatformReports.of(version)))
                    .write(nesting(), dir);

            List<ReportTestSuite> suites =
                    new SurefireReportParser(List.of(dir.toFile()), new NullConsoleLogger()).parseXMLReportFiles();

            // The parser makes a suite of each testcase classname, whatever the files.
            assertEquals(
                    6, suites.stream().mapToInt(s -> s.getTestCases().size()).sum(), version);
            assertEquals(
                    1,
                    suites.stream()
                            .mapToInt(ReportTestSuite::getNumberOfFailures)
                            .sum(),
                    version);
        }
    }

    /** The probe's NestingTest, its tests in the order Jupiter ran them and its containers as they finished. */
    private static ClassResult nesting() {
        return ClassResult.builder(OUTER)
                .tests(List.of(
                        passed(OUTER, "outer"),
                        passed(OUTER, "outerLast"),
                        TestResult.builder("named", NAMED, Status.PASSED)
                                .classDisplayName("Named inner")
                                .build(),
                        passed(INNER, "inner"),
                        TestResult.builder("innerFails", INNER, Status.FAILED)
                                .failure("org.opentest4j.AssertionFailedError", "inner", "trace")
                                .build(),
                        passed(DEEPER, "deepest")))
                .seconds(0.5)
                .sets(List.of(
                        new TestSet("Named inner", NAMED, "NestingTest Named inner", 3, 0.1),
                        new TestSet(DEEPER, DEEPER, DEEPER, 6, 0.1),
                        new TestSet(INNER, INNER, INNER, 6, 0.2),
                        new TestSet(OUTER, OUTER, OUTER, 6, 0.5)))
                .build();
    }

    private static TestResult passed(String className, String name) {
        return TestResult.builder(name, className, Status.PASSED).seconds(0.001).build();
    }

    private static ReportLayout layout(PlatformReports platform) {
        return ReportLayout.builder().platform(platform).build();
    }

    private void write(PlatformReports platform, ClassResult r) {
        ReportLayout layout = layout(platform);
        new XmlReportWriter(XmlReportWriter.SCHEMA_LOCATION, layout).write(r, reports);
        new TextReports(reports, layout).classCompleted(new ClassRun(1, Instant.EPOCH, Instant.EPOCH, r));
    }

    private List<String> files(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** Each XML report's testcases, {@code classname:name}, in the order written. */
    private Map<String, List<String>> testcases() throws Exception {
        Map<String, List<String>> all = new TreeMap<>();
        for (String name : files(".xml")) {
            NodeList cases = parse(name).getElementsByTagName("testcase");
            all.put(
                    name,
                    Stream.iterate(0, i -> i < cases.getLength(), i -> i + 1)
                            .map(i -> (Element) cases.item(i))
                            .map(e -> e.getAttribute("classname") + ":" + e.getAttribute("name"))
                            .collect(Collectors.toList()));
        }
        return all;
    }

    /** The attributes of {@code TEST-<className>.xml}'s suite; null for one it lacks. */
    private List<String> suite(String className, String... attributes) throws Exception {
        Element suite = parse("TEST-" + className + ".xml").getDocumentElement();
        return Stream.of(attributes)
                .map(a -> suite.hasAttribute(a) ? suite.getAttribute(a) : null)
                .toList();
    }

    private Document parse(String name) throws Exception {
        File file = reports.resolve(name).toFile();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file);
    }
}
