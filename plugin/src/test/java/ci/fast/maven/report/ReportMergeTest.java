package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a split class, each written as its machine writes it, read back as one report: every testcase once in
 * part order, the counts and time added up, the first part's properties kept.
 */
class ReportMergeTest {
    @TempDir
    Path dir;

    @Test
    void putsThePartsTestsInOneSuiteWithTheirCountsAddedUp() throws Exception {
        XmlReportWriter writer = new XmlReportWriter();
        String first = writer.xml(part(List.of(passed("alpha", 1.25), failed("bravo", 0.5))), null);
        String second = writer.xml(part(List.of(passed("charlie", 2.0), skipped("delta"))), null);

        String merged = ReportMerge.merge(List.of(first, second));

        assertTrue(merged.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite "), merged);
        assertTrue(merged.contains("time=\"3.750\""), merged);
        assertTrue(merged.contains("tests=\"4\" errors=\"0\" skipped=\"1\" failures=\"1\""), merged);
        assertTrue(merged.contains("<property name=\"part\" value=\"first\"/>"), merged);
        Path file = XmlReportWriter.writeText(dir, "TEST-com.acme.FooTest.xml", merged);
        ClassResult read = ReportReader.suite(file);
        assertEquals(
                List.of("alpha", "bravo", "charlie", "delta"),
                read.tests().stream().map(TestResult::name).toList());
        assertEquals(4, read.run());
        assertEquals(1, Files.readString(file).split("<properties>", -1).length - 1, "one properties block");
    }

    @Test
    void oneReportIsItself() throws Exception {
        String only = new XmlReportWriter().xml(part(List.of(passed("alpha", 1.0))), null);

        String merged = ReportMerge.merge(List.of(only));

        assertTrue(merged.contains("tests=\"1\""), merged);
        assertTrue(merged.contains("<testcase name=\"alpha\""), merged);
    }

    @Test
    void aReportThatIsNoSuiteIsOneLine() {
        IOException e = assertThrows(IOException.class, () -> ReportMerge.merge(List.of("<html/>", "<html/>")));

        assertEquals("a report is a <html>, not a <testsuite>", e.getMessage());
    }

    private static ClassResult part(List<TestResult> tests) {
        return ClassResult.builder("com.acme.FooTest")
                .tests(tests)
                .seconds(tests.stream().mapToDouble(TestResult::seconds).sum())
                .properties(Map.of("part", tests.get(0).name().equals("alpha") ? "first" : "second"))
                .build();
    }

    private static TestResult passed(String name, double seconds) {
        return TestResult.builder(name, "com.acme.FooTest", Status.PASSED)
                .seconds(seconds)
                .build();
    }

    private static TestResult failed(String name, double seconds) {
        return TestResult.builder(name, "com.acme.FooTest", Status.FAILED)
                .seconds(seconds)
                .failure("java.lang.AssertionError", "no", "java.lang.AssertionError: no")
                .build();
    }

    private static TestResult skipped(String name) {
        return TestResult.builder(name, "com.acme.FooTest", Status.SKIPPED).build();
    }
}
