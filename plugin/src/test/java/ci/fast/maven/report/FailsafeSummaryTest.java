package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailsafeSummaryTest {
    @TempDir
    Path dir;

    @Test
    void writesFailsafesLayoutAndReadsItBack() throws Exception {
        FailsafeSummary summary = new FailsafeSummary(7, 1, 2, 3, 1, "fork 1: the forked JVM exited <1> & died", true);
        Path file = dir.resolve("failsafe-reports/failsafe-summary.xml");

        summary.write(file);

        String xml = Files.readString(file);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<failsafe-summary xmlns:xsi="), xml);
        assertTrue(xml.contains(" result=\"255\" timeout=\"true\">"), xml);
        assertTrue(
                xml.contains("    <completed>7</completed>\n    <errors>1</errors>\n    <failures>2</failures>\n"
                        + "    <skipped>3</skipped>\n    <flakes>1</flakes>\n"),
                xml);
        assertEquals(summary, FailsafeSummary.read(file));
    }

    @Test
    void aPassingRunHasNoResultAndAnEmptyOneSaysNoTests() {
        FailsafeSummary passing = new FailsafeSummary(3, 0, 0, 1, 0, "", false);
        FailsafeSummary empty = new FailsafeSummary(0, 0, 0, 0, 0, "", false);

        assertNull(passing.result());
        assertFalse(passing.failed());
        assertEquals(254, empty.result());
        assertFalse(empty.failed());
        assertEquals(255, new FailsafeSummary(3, 0, 0, 0, 0, "fork 2 died", false).result());
        // Failsafe's order: a run in which nothing completed says no tests, even when a fork died.
        assertEquals(254, new FailsafeSummary(0, 0, 0, 0, 0, "fork 1 died", false).result());
    }

    @Test
    void aPassingRunIsWrittenByteForByteAsFailsafeWritesIt() throws Exception {
        Path file = dir.resolve("failsafe-summary.xml");

        new FailsafeSummary(4, 0, 0, 1, 0, "", false).write(file);

        // As Failsafe 3.5.4 wrote it in IT failsafe-comparison: result "null", a nil message, no last newline.
        assertEquals(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<failsafe-summary xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                        + " xsi:noNamespaceSchemaLocation=\"https://maven.apache.org/surefire/maven-surefire-plugin/xsd/failsafe-summary.xsd\""
                        + " result=\"null\" timeout=\"false\">\n"
                        + "    <completed>4</completed>\n"
                        + "    <errors>0</errors>\n"
                        + "    <failures>0</failures>\n"
                        + "    <skipped>1</skipped>\n"
                        + "    <flakes>0</flakes>\n"
                        + "    <failureMessage xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>\n"
                        + "</failsafe-summary>",
                Files.readString(file));
        assertEquals(new FailsafeSummary(4, 0, 0, 1, 0, "", false), FailsafeSummary.read(file));
    }

    @Test
    void mergesExecutionsAsFailsafeDoes() {
        FailsafeSummary merged = new FailsafeSummary(3, 0, 1, 0, 1, "", false)
                .plus(new FailsafeSummary(2, 1, 0, 1, 2, "fork 1 timed out", true));

        assertEquals(new FailsafeSummary(5, 1, 1, 1, 3, "fork 1 timed out", true), merged);
    }

    @Test
    void aFileThatIsNoSummaryIsOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("failsafe-summary.xml"), "<testsuite/>");

        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> FailsafeSummary.read(file));

        assertTrue(e.getMessage().contains("is no failsafe-summary.xml"), e.getMessage());
    }
}
