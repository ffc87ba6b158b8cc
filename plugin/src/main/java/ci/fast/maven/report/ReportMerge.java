package ci.fast.maven.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One {@code TEST-<class>.xml} from the reports of a class's parts that several machines ran
 * ({@code fastCi.splitClasses} in remote mode), each as {@link XmlReportWriter} wrote it: the first part's report with
 * every other part's testcases after its own, in the order given, and the suite's counts and time added up. The rest
 * of the first report (its properties, its layout, its attributes' order) stays as it is, as a class run whole on the
 * first part's machine would have it written; another part's output outside its testcases (a fork's native output),
 * which a split class's parts rarely have, is not carried over.
 */
public final class ReportMerge {
    /** The suite's counts, added up where the first report has them ({@code flakes} only from Surefire 3.5.5). */
    private static final List<String> COUNTS = List.of("tests", "errors", "skipped", "failures", "flakes");

    /** The suite's start tag. */
    private static final Pattern SUITE = Pattern.compile("<testsuite\\b[^>]*>");

    /** A testcase starts a line of its own, two spaces in; its own output and failures are further in. */
    private static final String TESTCASE = "\n  <testcase";

    /** Where a suite's testcases end: its own output, if any, or its end. */
    private static final Pattern TAIL = Pattern.compile("\n  <system-(out|err)>|\n</testsuite>");

    private ReportMerge() {}

    /**
     * @param parts the parts' reports, in part order; at least one
     * @throws IOException naming what is wrong, for a report that is not a testsuite as written here
     */
    public static String merge(List<String> parts) throws IOException {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no report to merge");
        }
        double seconds = 0;
        long[] counts = new long[COUNTS.size()];
        StringBuilder testcases = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            check(part);
            String start = suiteTag(part);
            seconds += number(start, "time");
            for (int c = 0; c < COUNTS.size(); c++) {
                counts[c] += (long) number(start, COUNTS.get(c));
            }
            if (i > 0) {
                testcases.append(testcases(part));
            }
        }
        String first = parts.get(0);
        Matcher suite = SUITE.matcher(first);
        suite.find();
        String tag = withValue(suite.group(), "time", XmlReportWriter.time(seconds));
        for (int c = 0; c < COUNTS.size(); c++) {
            tag = withValue(tag, COUNTS.get(c), String.valueOf(counts[c]));
        }
        int tail = tail(first, suite.end());
        String merged = first.substring(0, suite.start())
                + tag
                + first.substring(suite.end(), tail)
                + testcases
                + first.substring(tail);
        check(merged);
        return merged;
    }

    /** The report's testcases, each from its line's start: from its first testcase to the suite's tail. */
    private static String testcases(String report) {
        int from = report.indexOf(TESTCASE);
        return from < 0 ? "" : report.substring(from, tail(report, from));
    }

    private static int tail(String report, int from) {
        Matcher tail = TAIL.matcher(report);
        return tail.find(from) ? tail.start() : report.length();
    }

    private static String suiteTag(String report) throws IOException {
        Matcher suite = SUITE.matcher(report);
        if (!suite.find()) {
            throw new IOException("a report has no <testsuite>");
        }
        return suite.group();
    }

    /** The attribute's number in the tag; 0 when the tag has none. */
    private static double number(String tag, String attribute) throws IOException {
        Matcher value = Pattern.compile("\\s" + attribute + "=\"([^\"]*)\"").matcher(tag);
        if (!value.find()) {
            return 0;
        }
        try {
            return Double.parseDouble(value.group(1).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IOException("a report's " + attribute + " is '" + value.group(1) + "', not a number");
        }
    }

    /** The tag with the attribute's value replaced; as it is when it has no such attribute. */
    private static String withValue(String tag, String attribute, String value) {
        return tag.replaceFirst("(\\s" + attribute + "=\")[^\"]*\"", "$1" + Matcher.quoteReplacement(value) + "\"");
    }

    /** Throws for text that is not a well-formed report whose root is a testsuite. */
    private static void check(String xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // no "[Fatal Error]" line on the console
            Document document = builder.parse(new InputSource(new StringReader(xml)));
            String root = document.getDocumentElement().getTagName();
            if (!root.equals("testsuite")) {
                throw new IOException("a report is a <" + root + ">, not a <testsuite>");
            }
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("a report cannot be read: " + e.getMessage(), e);
        }
    }
}
