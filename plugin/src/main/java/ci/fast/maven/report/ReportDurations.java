package ci.fast.maven.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Class durations, and which classes failed, from the Surefire-format TEST-*.xml reports a directory already holds
 * (Surefire's or ours): the history of a first run that has no timings file yet. A report written with
 * {@code reportNameSuffix} ({@code TEST-<class>-<suffix>.xml}, suite {@code <class>(<suffix>)}) counts for its class.
 */
public final class ReportDurations {
    private ReportDurations() {}

    /**
     * What the reports say of each class.
     *
     * @param durations each report's {@code testsuite} name and time
     * @param failed the suites with a failure or an error
     */
    public record History(Map<String, Double> durations, Set<String> failed) {}

    /** Each report's suite, time and whether it failed; unreadable reports are skipped. Empty if there is none. */
    public static History read(Path reportsDirectory) {
        History history = new History(new TreeMap<>(), new TreeSet<>());
        if (!Files.isDirectory(reportsDirectory)) {
            return history;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(reportsDirectory, "TEST-*.xml")) {
            for (Path report : reports) {
                readSuite(factory, report, history);
            }
        } catch (IOException e) {
            // an unreadable directory is no history
        }
        return history;
    }

    private static void readSuite(XMLInputFactory factory, Path report, History history) {
        try (InputStream in = Files.newInputStream(report)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT) {
                    if ("testsuite".equals(xml.getLocalName())) {
                        String name = xml.getAttributeValue(null, "name");
                        if (name != null) {
                            name = SuffixedNames.strip(name, SuffixedNames.suffix(report, name));
                        }
                        String time = xml.getAttributeValue(null, "time");
                        if (name != null && time != null) {
                            history.durations().put(name, Double.parseDouble(time.replace(",", "")));
                            if (count(xml, "failures") + count(xml, "errors") > 0) {
                                history.failed().add(name);
                            }
                        }
                    }
                    return; // only the root element counts
                }
            }
        } catch (IOException | XMLStreamException | NumberFormatException e) {
            // a broken report is no history; the run rewrites it
        }
    }

    private static int count(XMLStreamReader suite, String attribute) {
        String value = suite.getAttributeValue(null, attribute);
        return value == null ? 0 : Integer.parseInt(value.strip());
    }
}
