package ci.fast.maven.report;

import static ci.fast.maven.report.Results.ASSERTION_TRACE;
import static ci.fast.maven.report.Results.CLASS;
import static ci.fast.maven.report.Results.LIBRARY_ERROR_TRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XmlReportWriterTest {

    private static final String NASTY_OUT = "printed <&>\"' \u0001 and\r\nmore";

    @TempDir
    Path dir;

    private final Properties properties = new Properties();

    private final XmlReportWriter writer = new XmlReportWriter(() -> properties, XmlReportWriter.SCHEMA_LOCATION);

    @Test
    void writesSuiteCountsNameAndSchema() throws Exception {
        Element suite = writeAndParse(Results.mixed("", "")).getDocumentElement();

        assertEquals("testsuite", suite.getTagName());
        assertEquals(CLASS, suite.getAttribute("name"));
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0.123", suite.getAttribute("time"));
        assertEquals("3.0.2", suite.getAttribute("version"));
        assertEquals(XmlReportWriter.SCHEMA_LOCATION, suite.getAttribute("xsi:noNamespaceSchemaLocation"));
    }

    @Test
    void writesOneTestcasePerTestInOrderWithClassnameAndTime() throws Exception {
        List<Element> cases = elements(writeAndParse(Results.mixed("", "")), "testcase");

        assertEquals(
                List.of("adds", "divides", "reads", "later"),
                cases.stream().map(e -> e.getAttribute("name")).toList());
        assertTrue(cases.stream().allMatch(e -> e.getAttribute("classname").equals(CLASS)));
        assertEquals("0.001", cases.get(0).getAttribute("time"));
        assertEquals("0.012", cases.get(1).getAttribute("time"));
        assertFalse(cases.get(0).hasChildNodes(), "a passing test has no child elements");
    }

    @Test
    void writesFailureWithMessageTypeAndStackTrace() throws Exception {
        Element failure = single(writeAndParse(Results.mixed("", "")), "failure");

        assertEquals("divides", ((Element) failure.getParentNode()).getAttribute("name"));
        assertEquals("expected: <2> but was: <3>", failure.getAttribute("message"));
        assertEquals("org.opentest4j.AssertionFailedError", failure.getAttribute("type"));
        assertEquals(ASSERTION_TRACE, failure.getTextContent());
    }

    @Test
    void writesErrorWithMessageTypeAndStackTrace() throws Exception {
        Element error = single(writeAndParse(Results.mixed("", "")), "error");

        assertEquals("reads", ((Element) error.getParentNode()).getAttribute("name"));
        assertEquals("boom", error.getAttribute("message"));
        assertEquals("java.lang.IllegalStateException", error.getAttribute("type"));
        assertEquals(LIBRARY_ERROR_TRACE, error.getTextContent());
    }

    @Test
    void writesSkippedWithReason() throws Exception {
        Element skipped = single(writeAndParse(Results.mixed("", "")), "skipped");

        assertEquals("later", ((Element) skipped.getParentNode()).getAttribute("name"));
        assertEquals("not yet", skipped.getAttribute("message"));
    }

    @Test
    void leavesOutEmptySkipReasonAsSurefireDoes() throws Exception {
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(Results.skipped("later", null)))
                .build();

        assertFalse(single(writeAndParse(r), "skipped").hasAttribute("message"));
    }

    @Test
    void writesOutputWithMarkupEscapedAndControlCharactersReplaced() throws Exception {
        Document doc = writeAndParse(Results.mixed(NASTY_OUT, "warn \u001b[31mred\u0000"));

        assertEquals("printed <&>\"' ? and\r\nmore", single(doc, "system-out").getTextContent());
        assertEquals("warn ?[31mred?", single(doc, "system-err").getTextContent());
        assertEquals("adds", ((Element) single(doc, "system-out").getParentNode()).getAttribute("name"));
        assertEquals("adds", ((Element) single(doc, "system-err").getParentNode()).getAttribute("name"));
    }

    @Test
    void writesATestsOutputInItsTestcaseAfterItsFailureAsSurefireDoes() throws Exception {
        TestResult failed = Results.failed("divides", "expected: <2> but was: <3>", ASSERTION_TRACE)
                .withOutput("dividing\n", "careful\n");
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(Results.passed("adds", 0), failed))
                .output("dividing\n", "careful\n")
                .build();

        Document doc = writeAndParse(r);

        Element testcase = (Element) doc.getElementsByTagName("testcase").item(1);
        assertEquals(
                List.of("failure", "system-out", "system-err"),
                children(testcase).stream().map(Element::getTagName).toList());
        assertEquals("dividing\n", children(testcase).get(1).getTextContent());
        assertEquals("careful\n", children(testcase).get(2).getTextContent());
        assertEquals(
                0,
                children((Element) doc.getElementsByTagName("testcase").item(0)).size());
        assertEquals(
                List.of("properties", "testcase", "testcase"),
                children(doc.getDocumentElement()).stream()
                        .map(Element::getTagName)
                        .toList(),
                "what the tests printed is not repeated on the suite");
    }

    @Test
    void writesNativeOutputOnTheSuiteSinceNoTestOwnsIt() throws Exception {
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(Results.passed("adds", 0)))
                .output("native\n", "")
                .nativeOutput("native\n", "")
                .build();

        Document doc = writeAndParse(r);

        assertEquals("native\n", single(doc, "system-out").getTextContent());
        assertEquals("testsuite", single(doc, "system-out").getParentNode().getNodeName());
    }

    @Test
    void writesEachRerunsOutputInsideItsRerunElement() throws Exception {
        TestResult first = Results.error("reads", "java.lang.IllegalStateException", "boom", LIBRARY_ERROR_TRACE)
                .withOutput("run 1\n", "");
        TestResult second = Results.error("reads", "java.lang.IllegalStateException", "boom", LIBRARY_ERROR_TRACE)
                .withOutput("run 2\n", "err 2\n");
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(first.withRerun(second)))
                .build();

        Element testcase = single(writeAndParse(r), "testcase");

        assertEquals(
                List.of("error", "system-out", "rerunError"),
                children(testcase).stream().map(Element::getTagName).toList());
        assertEquals("run 1\n", children(testcase).get(1).getTextContent());
        Element rerun = children(testcase).get(2);
        assertEquals(
                List.of("stackTrace", "system-out", "system-err"),
                children(rerun).stream().map(Element::getTagName).toList());
        assertEquals("run 2\n", children(rerun).get(1).getTextContent());
        assertEquals("err 2\n", children(rerun).get(2).getTextContent());
    }

    @Test
    void writesAFlakyTestsFailedRunOutputInsideItsFlakyElementAndKeepsThePassingRuns() throws Exception {
        TestResult failedRun =
                Results.failed("divides", "once", ASSERTION_TRACE).withOutput("first\n", "");
        TestResult passedRun = Results.passed("divides", 0).withOutput("second\n", "");
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(failedRun.withRerun(passedRun)))
                .build();

        Element testcase = single(writeAndParse(r), "testcase");

        assertEquals(
                List.of("flakyFailure", "system-out"),
                children(testcase).stream().map(Element::getTagName).toList());
        Element flaky = children(testcase).get(0);
        assertEquals("first\n", children(flaky).get(1).getTextContent());
        assertEquals("second\n", children(testcase).get(1).getTextContent());
    }

    @Test
    void countsOnlyTheClassOwnTestsAndListsTheNestedOnesAsSurefireDoes() throws Exception {
        List<TestResult> tests = List.of(
                Results.passed("outer", 0),
                TestResult.builder("inner", CLASS + "$Inner", Status.FAILED)
                        .failure("java.lang.AssertionError", "no", "t")
                        .build(),
                TestResult.builder("deepest", CLASS + "$Inner$Deeper", Status.PASSED)
                        .build());
        ClassResult r = ClassResult.builder(CLASS)
                .tests(tests)
                .seconds(0.5)
                .sets(List.of(
                        new TestSet(CLASS + "$Inner$Deeper", CLASS + "$Inner$Deeper", CLASS + "$Inner$Deeper", 3, 0.1),
                        new TestSet(CLASS + "$Inner", CLASS + "$Inner", CLASS + "$Inner", 3, 0.2),
                        new TestSet(CLASS, CLASS, CLASS, 3, 0.5)))
                .build();

        Document doc = writeAndParse(r);

        Element suite = doc.getDocumentElement();
        assertEquals("0", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(3, doc.getElementsByTagName("testcase").getLength());
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
    }

    @Test
    void keepsMultiLineMessagesInAttributes() throws Exception {
        TestResult t = Results.failed("divides", "line one\n\tline \"two\" <&>\u0002", ASSERTION_TRACE);
        ClassResult r = ClassResult.builder(CLASS).tests(List.of(t)).build();

        assertEquals(
                "line one\n\tline \"two\" <&>?",
                single(writeAndParse(r), "failure").getAttribute("message"));
    }

    @Test
    void keepsSurrogatePairsAndReplacesLoneSurrogates() throws Exception {
        ClassResult r = Results.printing("emoji \uD83D\uDE00 lone \uD800 end", "");

        assertEquals(
                "emoji \uD83D\uDE00 lone ? end",
                single(writeAndParse(r), "system-out").getTextContent());
    }

    @Test
    void omitsOutputElementsWhenNothingWasPrinted() throws Exception {
        Document doc = writeAndParse(Results.mixed("", ""));

        assertEquals(0, doc.getElementsByTagName("system-out").getLength());
        assertEquals(0, doc.getElementsByTagName("system-err").getLength());
    }

    @Test
    void listsSystemPropertiesSortedAndEscaped() throws Exception {
        properties.setProperty("z.last", "1");
        properties.setProperty("line.separator", "\r\n");
        properties.setProperty("a.first", "<&>\"\u0003");

        List<Element> props = elements(writeAndParse(Results.mixed("", "")), "property");

        assertEquals(
                List.of("a.first", "line.separator", "z.last"),
                props.stream().map(e -> e.getAttribute("name")).toList());
        assertEquals("<&>\"?", props.get(0).getAttribute("value"));
        assertEquals("\r\n", props.get(1).getAttribute("value"));
    }

    @Test
    void neverWritesTheSecretKey() throws Exception {
        properties.setProperty("fastCi.secretKey", "s3cr3t-value-42");
        properties.setProperty("sun.java.command", "Launcher -DfastCi.secretKey=s3cr3t-value-42 test");

        Path file = write(Results.mixed("", ""));

        assertFalse(Files.readString(file).contains("s3cr3t"), "secret leaked into " + file);
    }

    @Test
    void listsTheMavenJvmPropertiesByDefault() throws Exception {
        new XmlReportWriter().write(Results.mixed("", ""), dir);

        List<Element> props = elements(parse(dir.resolve("TEST-" + CLASS + ".xml")), "property");

        assertTrue(props.stream()
                .anyMatch(e -> e.getAttribute("name").equals("java.version")
                        && e.getAttribute("value").equals(System.getProperty("java.version"))));
    }

    @Test
    void createsMissingDirectoriesAndReplacesAnEarlierReportLeavingNoTemporaryFile() throws Exception {
        Path reports = dir.resolve("target/surefire-reports");
        writer.write(Results.mixed("first", ""), reports);
        writer.write(Results.mixed("second", ""), reports);

        try (Stream<Path> files = Files.list(reports)) {
            assertEquals(
                    List.of("TEST-" + CLASS + ".xml"),
                    files.map(p -> p.getFileName().toString()).toList());
        }
        assertEquals(
                "second",
                single(parse(reports.resolve("TEST-" + CLASS + ".xml")), "system-out")
                        .getTextContent());
    }

    @Test
    void declaresUtf8AndWritesIt() throws Exception {
        Path file = write(Results.printing("Grüße ✓", ""));

        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), text);
        assertTrue(text.contains("Grüße ✓"), text);
    }

    @Test
    void formatsTimesWithThreeDecimalsAndADot() {
        assertEquals("0.012", XmlReportWriter.time(0.0123));
        assertEquals("61.500", XmlReportWriter.time(61.5));
        assertEquals("0.000", XmlReportWriter.time(-1));
        assertEquals("0.000", XmlReportWriter.time(Double.NaN));
    }

    @Test
    void roundsTimesAsTheFormatterDoes() {
        // Ties on the third decimal, as nanosecond clocks give them, and a sweep of odd values up to hours.
        List<Double> values =
                new ArrayList<>(List.of(0.0005, 0.0015, 0.0025, 1.0005, 2.5005, 0.1235, 1e-7, 1e6 + 0.0005));
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            values.add(i / 2000.0); // every tick of half a millisecond
            values.add(random.nextLong(1, 4_000_000_000_000L) / 1e9);
        }
        for (double v : values) {
            assertEquals(String.format(java.util.Locale.ROOT, "%.3f", v), XmlReportWriter.time(v), "for " + v);
        }
    }

    private Path write(ClassResult r) {
        writer.write(r, dir);
        return dir.resolve("TEST-" + r.className() + ".xml");
    }

    private Document writeAndParse(ClassResult r) throws Exception {
        return parse(write(r));
    }

    /** Parsing fails on any character XML 1.0 forbids, which is what makes these tests able to fail. */
    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try {
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + read(file), e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (int i = 0; i < parent.getChildNodes().getLength(); i++) {
            if (parent.getChildNodes().item(i) instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static Element single(Document doc, String tag) {
        List<Element> found = elements(doc, tag);
        assertEquals(1, found.size(), "number of <" + tag + "> elements");
        return found.get(0);
    }
}
