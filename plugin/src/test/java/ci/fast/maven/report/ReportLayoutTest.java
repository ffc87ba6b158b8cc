package ci.fast.maven.report;

import static ci.fast.maven.report.Results.ASSERTION_TRACE;
import static ci.fast.maven.report.Results.CLASS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reports as Surefire's report parameters change them: suffix, plain format, elements left out, timestamps. */
class ReportLayoutTest {
    private static final String NL = System.lineSeparator();
    private static final Instant STARTED = Instant.parse("2026-12-01T10:15:30.123456Z");

    @TempDir
    Path dir;

    private String xml(ReportLayout layout, ClassResult r) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("java.version", "17");
        new XmlReportWriter(() -> properties, XmlReportWriter.SCHEMA_LOCATION, layout).write(r, STARTED, dir);
        try (var files = Files.list(dir)) {
            Path report = files.filter(f -> f.getFileName().toString().endsWith(".xml"))
                    .findFirst()
                    .orElseThrow();
            return report.getFileName() + "\n" + Files.readString(report);
        }
    }

    private static ClassResult passing(String stdout) {
        return ClassResult.builder(CLASS)
                .tests(List.of(Results.passed("adds", 0.001).withOutput(stdout, "")))
                .properties(Map.of("java.version", "17"))
                .build();
    }

    @Test
    void aSuffixNamesTheFilesAndTheSuiteAndClassnamesAsSurefireDoes() throws Exception {
        ReportLayout layout = ReportLayout.builder().nameSuffix("jdk17").build();
        ClassResult r = Results.mixed("", "");

        String report = xml(layout, r);
        new TextReportWriter(layout).write(r, dir);
        new OutputFileWriter(layout).write(Results.printing("hi", ""), dir);

        assertTrue(report.startsWith("TEST-com.acme.FooTest-jdk17.xml\n"), report);
        assertTrue(report.contains("<testsuite xmlns:xsi"), report);
        assertTrue(report.contains(" name=\"com.acme.FooTest(jdk17)\" time="), report);
        assertTrue(report.contains("<testcase name=\"adds\" classname=\"com.acme.FooTest(jdk17)\""), report);
        assertTrue(Files.exists(dir.resolve("com.acme.FooTest-jdk17.txt")));
        assertTrue(Files.exists(dir.resolve("com.acme.FooTest-jdk17-output.txt")));
        // The text report's lines name the class as ever.
        assertTrue(Files.readString(dir.resolve("com.acme.FooTest-jdk17.txt"))
                .contains("Test set: com.acme.FooTest" + NL));
    }

    @Test
    void aSuffixFollowsADisplayNameClassname() throws Exception {
        TestResult named = TestResult.builder("adds", CLASS, Status.PASSED)
                .classDisplayName("A named suite")
                .build();
        ClassResult r = ClassResult.builder(CLASS).tests(List.of(named)).build();

        String report = xml(ReportLayout.builder().nameSuffix("x").build(), r);

        assertTrue(report.contains("classname=\"A named suite(x)\""), report);
    }

    @Test
    void withoutOutErrElementsAPassedTestsOutputIsLeftOutButAFailedOnesKept() throws Exception {
        ReportLayout layout = ReportLayout.builder().outErrElements(false).build();
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(
                        Results.passed("adds", 0.001).withOutput("passed out\n", "passed err\n"),
                        Results.failed("divides", "no", ASSERTION_TRACE).withOutput("failed out\n", ""),
                        Results.skipped("later", "not yet").withOutput("skipped out\n", "")))
                .nativeOutput("native out\n", "")
                .build();

        String report = xml(layout, r);

        assertTrue(report.contains("<testcase name=\"adds\" classname=\"com.acme.FooTest\" time=\"0.001\"/>"), report);
        assertFalse(report.contains("passed out"), report);
        assertFalse(report.contains("passed err"), report);
        assertTrue(report.contains("<system-out>failed out\n</system-out>"), report);
        assertTrue(report.contains("<system-out>skipped out\n</system-out>"), report);
        // What no test owns is the suite's, not a passed test's.
        assertTrue(report.contains("  <system-out>native out\n</system-out>\n</testsuite>"), report);
    }

    @Test
    void withoutOutErrElementsAFlakyTestKeepsItsFailedRunsOutputOnly() throws Exception {
        TestResult flaky = Results.failed("flips", "first", ASSERTION_TRACE)
                .withOutput("first run\n", "")
                .withRerun(Results.passed("flips", 0.002).withOutput("second run\n", ""));
        ClassResult r = ClassResult.builder(CLASS).tests(List.of(flaky)).build();

        String report = xml(ReportLayout.builder().outErrElements(false).build(), r);

        assertTrue(report.contains("<system-out>first run\n</system-out>"), report);
        assertFalse(report.contains("second run"), report);
    }

    @Test
    void withoutThePropertiesElementOnlyAClassWhoseTestsAllPassedLosesItsProperties() throws Exception {
        ReportLayout layout = ReportLayout.builder().propertiesElement(false).build();

        assertFalse(xml(layout, passing("")).contains("<properties>"));
        Files.delete(dir.resolve("TEST-" + CLASS + ".xml"));
        ClassResult skipped = ClassResult.builder(CLASS)
                .tests(List.of(Results.skipped("later", null)))
                .properties(Map.of("java.version", "17"))
                .build();
        assertTrue(xml(layout, skipped).contains("<property name=\"java.version\" value=\"17\"/>"));
        Files.delete(dir.resolve("TEST-" + CLASS + ".xml"));
        assertTrue(xml(layout, Results.mixed("", "")).contains("<properties>"));
    }

    @Test
    void stampsTheSuiteAndEachTestWithItsStartInMillisecondsAsSurefireDoes() throws Exception {
        TestResult adds = Results.passed("adds", 0.001).toBuilder()
                .startedAt(Instant.parse("2026-12-01T10:15:30.200Z").toEpochMilli())
                .build();
        TestResult whole = Results.passed("whole", 0.001).toBuilder()
                .startedAt(Instant.parse("2026-12-01T10:15:31Z").toEpochMilli())
                .build();
        TestResult unknown = Results.passed("unknown", 0.001);
        ClassResult r =
                ClassResult.builder(CLASS).tests(List.of(adds, whole, unknown)).build();

        String report = xml(ReportLayout.builder().timestamps(true).build(), r);

        assertTrue(report.contains(" time=\"0.000\" timestamp=\"2026-12-01T10:15:30.123Z\" tests=\"3\""), report);
        assertTrue(
                report.contains("name=\"adds\" classname=\"com.acme.FooTest\" time=\"0.001\" "
                        + "timestamp=\"2026-12-01T10:15:30.200Z\"/>"),
                report);
        assertTrue(report.contains("timestamp=\"2026-12-01T10:15:31Z\"/>"), report);
        assertTrue(report.contains("name=\"unknown\" classname=\"com.acme.FooTest\" time=\"0.001\"/>"), report);
    }

    @Test
    void stampsAFlakyTestWithTheRunThatPassed() throws Exception {
        TestResult flaky = Results.failed("flips", "first", ASSERTION_TRACE).toBuilder()
                .startedAt(1000)
                .build()
                .withRerun(Results.passed("flips", 0.002).toBuilder()
                        .startedAt(2000)
                        .build());

        String report = xml(
                ReportLayout.builder().timestamps(true).build(),
                ClassResult.builder(CLASS).tests(List.of(flaky)).build());

        assertTrue(report.contains("timestamp=\"1970-01-01T00:00:02Z\">"), report);
        assertFalse(report.contains("1970-01-01T00:00:01Z"), report);
    }

    @Test
    void writesNoTimestampsUnlessAsked() throws Exception {
        TestResult adds =
                Results.passed("adds", 0.001).toBuilder().startedAt(1000).build();

        assertFalse(xml(
                        ReportLayout.SUREFIRE,
                        ClassResult.builder(CLASS).tests(List.of(adds)).build())
                .contains("timestamp"));
    }

    @Test
    void theXmlReportersVersionAndPhrasedNamesAreThoseOfTheClasssOwnSet() throws Exception {
        ReportLayout layout = ReportLayout.builder()
                .xmlVersion("3.0")
                .phrasedSuiteName(true)
                .phrasedFileName(true)
                .build();
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(Results.passed("adds", 0.001)))
                .sets(List.of(new TestSet("A named suite", "A named suite", "A named suite", 1, 0.1)))
                .build();

        String report = xml(layout, r);

        assertTrue(report.startsWith("TEST-A named suite.xml\n"), report);
        assertTrue(report.contains(" version=\"3.0\" name=\"A named suite\" "), report);
        assertTrue(report.contains("classname=\"com.acme.FooTest\""), report);
    }

    @Test
    void thePhrasedOutputFileIsNamedByTheClassesDisplayNameOrElseByTheClass() throws Exception {
        ReportLayout layout = ReportLayout.builder()
                .outputPhrasedFileName(true)
                .nameSuffix("x")
                .build();
        ClassResult named = Results.printing("hi", "").toBuilder()
                .sets(List.of(
                        new TestSet("an inner suite", "a.Inner", "an inner suite", 1, 0.1),
                        new TestSet("A named suite", "a.Named", "A named suite", 1, 0.2)))
                .build();

        new OutputFileWriter(layout).write(named, dir);
        new OutputFileWriter(layout).write(Results.printing("ho", ""), dir);

        assertEquals("hi", Files.readString(dir.resolve("A named suite-x-output.txt")));
        assertEquals("ho", Files.readString(dir.resolve("com.acme.FooTest-x-output.txt")));
        assertFalse(Files.exists(dir.resolve("an inner suite-x-output.txt")));
    }

    @Test
    void phrasedMethodNamesNameTheTestcasesThatHaveOne() throws Exception {
        TestResult named = TestResult.builder("adds", CLASS, Status.PASSED)
                .phrasedName("adds two numbers")
                .build();
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(named, Results.passed("plain", 0.001)))
                .build();

        String phrased = xml(ReportLayout.builder().phrasedMethodName(true).build(), r);
        Files.delete(dir.resolve("TEST-" + CLASS + ".xml"));
        String plain = xml(ReportLayout.SUREFIRE, r);

        assertTrue(phrased.contains("<testcase name=\"adds two numbers\" classname"), phrased);
        assertTrue(phrased.contains("<testcase name=\"plain\" classname"), phrased);
        assertTrue(plain.contains("<testcase name=\"adds\" classname"), plain);
    }

    /** A class whose outer test finished before its {@code @Nested} container, as the platform runs them. */
    private static ClassResult nested() {
        return ClassResult.builder(CLASS)
                .tests(List.of(Results.passed("outer", 0.001), Results.passed("inner", 0.002)))
                .seconds(0.5)
                .sets(List.of(
                        new TestSet("an inner suite", "an inner suite", "an inner suite", 2, 0.25),
                        new TestSet("An outer suite", "An outer suite", "An outer suite", 2, 0.5)))
                .build();
    }

    @Test
    void phrasedTextFileNamesGiveEachContainerItsReportAsSurefireDoes() throws Exception {
        ReportLayout layout = ReportLayout.builder()
                .nameSuffix("sfx")
                .textPhrased(true, true, true)
                .build();

        new TextReportWriter(layout).write(nested(), dir);

        String rule = "-".repeat(79);
        assertEquals(
                String.join(
                                NL,
                                rule,
                                "Test set: an inner suite",
                                rule,
                                "Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.250 s -- in an inner"
                                        + " suite")
                        + NL,
                Files.readString(dir.resolve("an inner suite-sfx.txt")));
        assertEquals(
                String.join(
                                NL,
                                rule,
                                "Test set: An outer suite",
                                rule,
                                "Tests run: 0, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.500 s -- in An outer"
                                        + " suite")
                        + NL,
                Files.readString(dir.resolve("An outer suite-sfx.txt")));
        assertFalse(Files.exists(dir.resolve(CLASS + "-sfx.txt")));
    }

    @Test
    void phrasedTextHeadersNameTheClassByItsOwnContainerInItsOneReport() throws Exception {
        new TextReportWriter(
                        ReportLayout.builder().textPhrased(false, true, false).build())
                .write(nested(), dir);

        List<String> lines = Files.readAllLines(dir.resolve(CLASS + ".txt"));
        assertEquals("Test set: An outer suite", lines.get(1));
        assertEquals(
                "Tests run: 0, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.500 s -- in " + CLASS, lines.get(3));
    }

    @Test
    void thePlainFormatListsEveryTestInTheTextReport() throws Exception {
        new TextReportWriter(ReportLayout.builder().plain(true).build()).write(Results.mixed("", ""), dir);

        String expected = String.join(
                        NL,
                        "-".repeat(79),
                        "Test set: com.acme.FooTest",
                        "-".repeat(79),
                        "Tests run: 4, Failures: 1, Errors: 1, Skipped: 1, Time elapsed: 0.123 s <<< FAILURE! -- in com.acme.FooTest",
                        "com.acme.FooTest.adds -- Time elapsed: 0.001 s",
                        "com.acme.FooTest.divides -- Time elapsed: 0.012 s <<< FAILURE!",
                        "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
                        "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)",
                        "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)",
                        "\tat app//com.acme.FooTest.divides(FooTest.java:12)",
                        "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)",
                        "",
                        "com.acme.FooTest.reads -- Time elapsed: 0.004 s <<< ERROR!",
                        "java.lang.IllegalStateException: boom",
                        "\tat com.acme.Store.read(Store.java:40)",
                        "\tat com.acme.FooTest.reads(FooTest.java:30)",
                        "\tat java.base/java.lang.reflect.Method.invoke(Method.java:568)",
                        "",
                        "com.acme.FooTest.later skipped")
                + NL;
        assertEquals(expected, Files.readString(dir.resolve(CLASS + ".txt")));
    }

    @Test
    void aBlankSuffixIsNone() {
        assertEquals("", ReportLayout.builder().nameSuffix("  ").build().nameSuffix());
        assertEquals("TEST-a", ReportLayout.builder().nameSuffix(null).build().fileName("TEST-a"));
        assertEquals(
                XmlReportWriter.SCHEMA_VERSION,
                ReportLayout.builder().xmlVersion(" ").build().xmlVersion());
    }
}
