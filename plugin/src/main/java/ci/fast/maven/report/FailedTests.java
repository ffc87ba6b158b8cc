package ci.fast.maven.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The failed and erroneous tests named in a directory's {@code TEST-*.xml}, one line each, for a goal that judges a
 * run after it ended ({@code verify}), {@code reportNameSuffix}'s {@code TEST-<class>-<suffix>.xml} too. A report that cannot be read is skipped: the summary already counts its tests.
 */
public final class FailedTests {
    private FailedTests() {}

    /**
     * Lines such as {@code OrderIT.placesAnOrder: expected: <1> but was: <2>}, sorted; a {@code @Nested} class's test
     * named by its top-level class.
     */
    public static List<String> in(Path reportsDirectory) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(reportsDirectory)) {
            return lines;
        }
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(reportsDirectory, "TEST-*.xml")) {
            for (Path report : reports) {
                lines.addAll(read(report));
            }
        } catch (IOException e) {
            return lines;
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> read(Path report) {
        List<String> lines = new ArrayList<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Throws for a broken file without the parser's own "[Fatal Error]" line on the console.
            builder.setErrorHandler(new DefaultHandler());
            Document document = builder.parse(report.toFile());
            // With reportNameSuffix a classname is <class>(<suffix>): the line names the class, as without it.
            String suffix =
                    SuffixedNames.suffix(report, document.getDocumentElement().getAttribute("name"));
            NodeList cases = document.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                Element problem = first(testcase, "failure");
                if (problem == null) {
                    problem = first(testcase, "error");
                }
                if (problem != null) {
                    // A @Nested class's test by its top-level class, as the Results section and Surefire name it.
                    String cls = SuffixedNames.strip(testcase.getAttribute("classname"), suffix)
                            .split("\\$", 2)[0];
                    String message = problem.getAttribute("message");
                    int newline = message.indexOf('\n');
                    lines.add(cls.substring(cls.lastIndexOf('.') + 1) + "." + testcase.getAttribute("name")
                            + (message.isEmpty()
                                    ? ""
                                    : ": " + (newline < 0 ? message : message.substring(0, newline))));
                }
            }
        } catch (Exception e) {
            // unreadable: the summary counts it; the reports directory holds the file for the user to read
        }
        return lines;
    }

    private static Element first(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? null : (Element) found.item(0);
    }
}
