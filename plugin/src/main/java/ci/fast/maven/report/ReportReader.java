package ci.fast.maven.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The classes a directory's Surefire-format {@code TEST-*.xml} reports hold (Surefire's or ours), read back as results:
 * what a goal that runs no test ({@code fast-ci:report}) counts and lays out. A report keeps each test's outcome, time,
 * failure and reruns, but not what the class printed beyond its tests' output, nor its {@code @Nested} sets: each class
 * reads as one set of all its tests.
 */
public final class ReportReader {
    private ReportReader() {}

    /**
     * Every readable report's class, by name; a report that cannot be read is named on {@code warn} and left out.
     *
     * @return empty when the directory does not exist
     */
    public static List<ClassResult> read(Path reportsDirectory, Consumer<String> warn) {
        List<ClassResult> classes = new ArrayList<>();
        if (!Files.isDirectory(reportsDirectory)) {
            return classes;
        }
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(reportsDirectory, "TEST-*.xml")) {
            for (Path report : reports) {
                try {
                    classes.add(suite(report));
                } catch (Exception e) {
                    warn.accept("fast-ci cannot read the report " + report + ": " + e.getMessage() + "; left out");
                }
            }
        } catch (IOException e) {
            warn.accept("fast-ci cannot list the reports in " + reportsDirectory + ": " + e.getMessage());
        }
        classes.sort(Comparator.comparing(ClassResult::className));
        return classes;
    }

    /** One report's class. */
    static ClassResult suite(Path report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        // Throws for a broken file without the parser's own "[Fatal Error]" line on the console.
        builder.setErrorHandler(new DefaultHandler());
        Document document = builder.parse(report.toFile());
        Element suite = document.getDocumentElement();
        if (!"testsuite".equals(suite.getTagName())) {
            throw new IllegalArgumentException("its root is <" + suite.getTagName() + ">, not <testsuite>");
        }
        String name = suite.getAttribute("name");
        List<TestResult> tests = new ArrayList<>();
        for (Element testcase : children(suite, "testcase")) {
            tests.add(test(testcase, name));
        }
        return ClassResult.builder(name)
                .tests(tests)
                .seconds(seconds(suite.getAttribute("time")))
                .output(text(suite, "system-out"), text(suite, "system-err"))
                .build();
    }

    private static TestResult test(Element testcase, String suite) {
        String name = testcase.getAttribute("name");
        String className = testcase.hasAttribute("classname") ? testcase.getAttribute("classname") : suite;
        double seconds = seconds(testcase.getAttribute("time"));
        Element skipped = first(testcase, "skipped");
        if (skipped != null) {
            return base(testcase, name, className, Status.SKIPPED, seconds)
                    .skipReason(attribute(skipped, "message"))
                    .build();
        }
        List<Element> flaky = children(testcase, "flakyFailure", "flakyError");
        if (!flaky.isEmpty()) {
            // Every failed run is a child; the run that passed is the testcase itself.
            List<TestResult> reruns = new ArrayList<>();
            for (Element run : flaky.subList(1, flaky.size())) {
                reruns.add(run(run, name, className));
            }
            reruns.add(TestResult.builder(name, className, Status.PASSED).build());
            return run(flaky.get(0), name, className).toBuilder()
                    .seconds(seconds)
                    .reruns(reruns)
                    .build();
        }
        Element problem = first(testcase, "failure");
        Status status = Status.FAILED;
        if (problem == null) {
            problem = first(testcase, "error");
            status = Status.ERROR;
        }
        if (problem == null) {
            return base(testcase, name, className, Status.PASSED, seconds).build();
        }
        List<TestResult> reruns = new ArrayList<>();
        for (Element run : children(testcase, "rerunFailure", "rerunError")) {
            reruns.add(run(run, name, className));
        }
        return base(testcase, name, className, status, seconds)
                .failure(
                        attribute(problem, "type"),
                        attribute(problem, "message"),
                        blankToNull(problem.getTextContent()))
                .reruns(reruns)
                .build();
    }

    private static TestResult.Builder base(
            Element testcase, String name, String className, Status status, double seconds) {
        return TestResult.builder(name, className, status)
                .seconds(seconds)
                .output(text(testcase, "system-out"), text(testcase, "system-err"));
    }

    /** A failed run in its own element ({@code flakyFailure}, {@code rerunError} …), its trace in {@code stackTrace}. */
    private static TestResult run(Element run, String name, String className) {
        Status status = run.getTagName().endsWith("Failure") ? Status.FAILED : Status.ERROR;
        Element trace = first(run, "stackTrace");
        return TestResult.builder(name, className, status)
                .failure(
                        attribute(run, "type"),
                        attribute(run, "message"),
                        trace == null ? null : blankToNull(trace.getTextContent()))
                .output(text(run, "system-out"), text(run, "system-err"))
                .build();
    }

    private static List<Element> children(Element parent, String... tags) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && List.of(tags).contains(e.getTagName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element first(Element parent, String tag) {
        List<Element> found = children(parent, tag);
        return found.isEmpty() ? null : found.get(0);
    }

    /** A direct child's text, such as a testcase's {@code system-out}; empty when it has none. */
    private static String text(Element parent, String tag) {
        Node child = first(parent, tag);
        return child == null ? "" : child.getTextContent();
    }

    private static String attribute(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** Surefire writes times such as {@code 1,234.5} in some versions; a time it left out is 0. */
    private static double seconds(String time) {
        if (time == null || time.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(time.replace(",", "").strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
