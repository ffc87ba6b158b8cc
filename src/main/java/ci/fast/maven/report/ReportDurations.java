package ci.fast.maven.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Class durations from the Surefire-format TEST-*.xml reports a directory already holds (Surefire's or ours): the
 * history of a first run that has no timings file yet.
 */
public final class ReportDurations {
    private ReportDurations() {}

    /** Each report's {@code testsuite} name and time; unreadable reports are skipped. Empty if there is none. */
    public static Map<String, Double> read(Path reportsDirectory) {
        Map<String, Double> durations = new TreeMap<>();
        if (!Files.isDirectory(reportsDirectory)) {
            return durations;
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(reportsDirectory, "TEST-*.xml")) {
            for (Path report : reports) {
                readSuite(factory, report, durations);
            }
        } catch (IOException e) {
            // an unreadable directory is no history
        }
        return durations;
    }

    private static void readSuite(XMLInputFactory factory, Path report, Map<String, Double> durations) {
        try (InputStream in = Files.newInputStream(report)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamReader.START_ELEMENT) {
                    if ("testsuite".equals(xml.getLocalName())) {
                        String name = xml.getAttributeValue(null, "name");
                        String time = xml.getAttributeValue(null, "time");
                        if (name != null && time != null) {
                            durations.put(name, Double.parseDouble(time.replace(",", "")));
                        }
                    }
                    return; // only the root element counts
                }
            }
        } catch (IOException | XMLStreamException | NumberFormatException e) {
            // a broken report is no history; the run rewrites it
        }
    }
}
