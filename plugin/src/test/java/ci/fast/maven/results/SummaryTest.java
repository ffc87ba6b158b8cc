package ci.fast.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.PlatformReports;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TestSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary's problem lines name a failed test by the class its report names it by. */
class SummaryTest {
    private static final String OUTER = "com.acme.NestingTest";
    private static final String INNER = OUTER + "$Inner";

    @Test
    void aNestedClassTestIsNamedByItsOwnClassWhereEachContainerHasItsReport() {
        assertEquals(List.of("NestingTest$Inner.fails:7 no"), failureLines(PlatformReports.of("3.5.3")));
        List<String> one = failureLines(PlatformReports.of("3.5.4"));
        assertEquals(1, one.size());
        assertTrue(one.get(0).startsWith("NestingTest.fails"), "by the top-level class, as Surefire 3.5.4: " + one);
    }

    private static List<String> failureLines(PlatformReports shape) {
        TestResult fails = TestResult.builder("fails", INNER, Status.FAILED)
                .failure(
                        "java.lang.AssertionError",
                        "no",
                        "java.lang.AssertionError: no\n\tat com.acme.NestingTest$Inner.fails(NestingTest.java:7)\n")
                .build();
        ClassResult r = ClassResult.builder(OUTER)
                .tests(List.of(
                        TestResult.builder("passes", OUTER, Status.PASSED).build(), fails))
                .sets(List.of(new TestSet(INNER, INNER, INNER, 2, 0.1), new TestSet(OUTER, OUTER, OUTER, 2, 0.2)))
                .build();
        Summary summary = new Summary(ReportLayout.builder().platform(shape).build());
        summary.classCompleted(new ClassRun(1, Instant.EPOCH, Instant.EPOCH, r));
        assertEquals(2, summary.summary().testsRun());
        return summary.summary().failureLines();
    }
}
