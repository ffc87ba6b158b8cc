package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDurationsTest {
    @TempDir
    Path dir;

    @Test
    void readsEachSuitesNameAndTimeFromSurefireReports() throws Exception {
        Files.writeString(
                dir.resolve("TEST-com.acme.ATest.xml"),
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"3.0.2\""
                        + " name=\"com.acme.ATest\" time=\"1,234.5\" tests=\"1\" errors=\"0\" skipped=\"0\""
                        + " failures=\"0\"><testcase name=\"adds\" classname=\"com.acme.ATest\" time=\"1.2\"/>"
                        + "</testsuite>",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("TEST-broken.xml"), "<testsuite name=", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("com.acme.ATest.txt"), "not a report", StandardCharsets.UTF_8);

        assertEquals(Map.of("com.acme.ATest", 1234.5), ReportDurations.read(dir).durations());
    }

    @Test
    void tellsTheSuitesWithAFailureOrAnError() throws Exception {
        Files.createDirectories(dir);
        for (String[] suite : new String[][] {{"Passes", "0", "0"}, {"Fails", "1", "0"}, {"Errs", "0", "2"}}) {
            Files.writeString(
                    dir.resolve("TEST-" + suite[0] + ".xml"),
                    "<testsuite name=\"" + suite[0] + "\" time=\"1.0\" tests=\"2\" failures=\"" + suite[1]
                            + "\" errors=\"" + suite[2] + "\" skipped=\"0\"/>",
                    StandardCharsets.UTF_8);
        }

        ReportDurations.History history = ReportDurations.read(dir);

        assertEquals(Set.of("Fails", "Errs"), history.failed());
        assertEquals(Set.of("Passes", "Fails", "Errs"), history.durations().keySet());
    }

    @Test
    void readsTheReportsOurOwnWriterWrites() {
        TestResult test = TestResult.builder("adds", "com.acme.BTest", Status.PASSED)
                .seconds(0.5)
                .build();
        new XmlReportWriter()
                .write(
                        ClassResult.builder("com.acme.BTest")
                                .tests(List.of(test))
                                .seconds(2.75)
                                .build(),
                        dir);

        assertEquals(Map.of("com.acme.BTest", 2.75), ReportDurations.read(dir).durations());
    }

    @Test
    void readsTheReportsOfAReportNameSuffixByTheirClass() throws Exception {
        TestResult test = TestResult.builder("adds", "com.acme.BTest", Status.FAILED)
                .seconds(0.5)
                .build();
        new XmlReportWriter(
                        XmlReportWriter.SCHEMA_LOCATION,
                        ReportLayout.builder().nameSuffix("jdk17").build())
                .write(
                        ClassResult.builder("com.acme.BTest")
                                .tests(List.of(test))
                                .seconds(2.75)
                                .build(),
                        dir);
        assertEquals(
                List.of("TEST-com.acme.BTest-jdk17.xml"), List.of(dir.toFile().list()));

        ReportDurations.History history = ReportDurations.read(dir);

        assertEquals(Map.of("com.acme.BTest", 2.75), history.durations());
        assertEquals(Set.of("com.acme.BTest"), history.failed());
    }

    @Test
    void keepsASuiteNameInParenthesesThatIsNoSuffix() throws Exception {
        Files.writeString(
                dir.resolve("TEST-Odd(name).xml"),
                "<testsuite name=\"Odd(name)\" time=\"1.0\" tests=\"1\" failures=\"0\" errors=\"0\"/>",
                StandardCharsets.UTF_8);

        assertEquals(Map.of("Odd(name)", 1.0), ReportDurations.read(dir).durations());
    }

    @Test
    void isEmptyWithoutADirectory() {
        assertEquals(Map.of(), ReportDurations.read(dir.resolve("missing")).durations());
    }
}
