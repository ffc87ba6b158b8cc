package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.SurefireReportParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our XML as the maven-surefire-report-plugin reads it: Surefire's own parser, at the version of Surefire 3.5.x. */
class SurefireReportParserTest {
    @TempDir
    Path reports;

    @Test
    void countsEveryKindOfOutcomeIncludingFlakesAsSurefiresParserDoes() {
        TestResult flakyFirstRun = failed("flaky", Status.FAILED, "first run fails");
        TestResult flaky = flakyFirstRun.withRerun(passed("flaky"));
        TestResult broken = failed("broken", Status.ERROR, "always")
                .withRerun(failed("broken", Status.ERROR, "always"))
                .withRerun(failed("broken", Status.ERROR, "always"));
        TestResult aborted = TestResult.builder("assumes", "com.acme.MixedTest", Status.SKIPPED)
                .failure(
                        "org.opentest4j.TestAbortedException",
                        null,
                        "org.opentest4j.TestAbortedException: Assumption failed\n\tat com.acme.MixedTest.assumes(MixedTest.java:9)\n")
                .build();
        TestResult disabled = TestResult.builder("off", "com.acme.MixedTest", Status.SKIPPED)
                .skipReason("not today")
                .build();
        ClassResult mixed = ClassResult.builder("com.acme.MixedTest")
                .tests(List.of(
                        passed("plain"),
                        failed("asserts", Status.FAILED, "expected: <1> but was: <2>"),
                        failed("throws", Status.ERROR, "boom"),
                        aborted,
                        disabled,
                        flaky,
                        broken))
                .seconds(0.5)
                .output("printed\n", "")
                .build();
        ClassResult beforeAll = ClassResult.builder("com.acme.SetupTest")
                .tests(List.of(TestResult.builder("", "com.acme.SetupTest", Status.ERROR)
                        .seconds(0.01)
                        .failure(
                                "java.lang.IllegalStateException",
                                "database unavailable",
                                "java.lang.IllegalStateException: database unavailable\n")
                        .build()))
                .seconds(0.01)
                .build();
        XmlReportWriter writer = new XmlReportWriter();
        writer.write(mixed, reports);
        writer.write(beforeAll, reports);

        SurefireReportParser parser = new SurefireReportParser(List.of(reports.toFile()), new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parseXMLReportFiles();

        assertEquals(2, suites.size());
        ReportTestSuite suite = suite(suites, "com.acme.MixedTest");
        assertEquals(7, suite.getNumberOfTests());
        assertEquals(1, suite.getNumberOfFailures());
        assertEquals(2, suite.getNumberOfErrors());
        assertEquals(2, suite.getNumberOfSkipped());
        assertEquals(1, suite.getNumberOfFlakes());
        ReportTestCase flakyCase = testCase(suite, "flaky");
        assertTrue(flakyCase.isSuccessful());
        assertTrue(flakyCase.hasFlakes());
        assertEquals(1, flakyCase.getFlakyFailures().size());
        assertEquals("first run fails", flakyCase.getFlakyFailures().get(0).getMessage());
        ReportTestCase brokenCase = testCase(suite, "broken");
        assertTrue(brokenCase.hasError());
        assertFalse(brokenCase.hasFlakes());
        assertEquals("always", brokenCase.getFailureMessage());
        assertTrue(testCase(suite, "assumes").hasSkipped());
        assertTrue(testCase(suite, "asserts").hasFailure());

        ReportTestSuite setup = suite(suites, "com.acme.SetupTest");
        assertEquals(1, setup.getNumberOfTests());
        assertEquals(1, setup.getNumberOfErrors());

        Map<String, Object> summary = parser.getSummary(suites);
        assertEquals("8", String.valueOf(summary.get("totalTests")));
        assertEquals("3", String.valueOf(summary.get("totalErrors")));
        assertEquals("1", String.valueOf(summary.get("totalFailures")));
        assertEquals("2", String.valueOf(summary.get("totalSkipped")));
        assertEquals(
                1,
                parser.getFailureDetails(suites).stream()
                        .filter(ReportTestCase::hasFailure)
                        .count());
    }

    private static ReportTestSuite suite(List<ReportTestSuite> suites, String name) {
        return suites.stream()
                .filter(s -> name.equals(s.getFullClassName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no suite " + name + " in " + suites));
    }

    private static ReportTestCase testCase(ReportTestSuite suite, String name) {
        return suite.getTestCases().stream()
                .filter(t -> name.equals(t.getName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no testcase " + name + " in " + suite));
    }

    private static TestResult passed(String name) {
        return TestResult.builder(name, "com.acme.MixedTest", Status.PASSED)
                .seconds(0.001)
                .build();
    }

    private static TestResult failed(String name, Status status, String message) {
        String type =
                status == Status.FAILED ? "org.opentest4j.AssertionFailedError" : "java.lang.IllegalStateException";
        return TestResult.builder(name, "com.acme.MixedTest", status)
                .seconds(0.002)
                .failure(
                        type,
                        message,
                        type + ": " + message + "\n\tat com.acme.MixedTest." + name + "(MixedTest.java:12)\n")
                .build();
    }
}
