package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void addsUpTotalsOverClasses() {
        RunSummary summary = new RunSummary();
        summary.add(Results.mixed("", ""));
        summary.add(Results.mixed("", ""));

        assertEquals(8, summary.testsRun());
        assertEquals(2, summary.failures());
        assertEquals(2, summary.errors());
        assertEquals(2, summary.skipped());
        assertTrue(summary.hasProblems());
    }

    @Test
    void countsAFlakeAsPassedAndListsEveryRunAtSurefiresLevels() {
        TestResult first = Results.failed("flaky", "once", Results.ASSERTION_TRACE);
        TestResult flaky = first.withRerun(Results.passed("flaky", 0.1));
        TestResult broken = Results.error("broken", "java.lang.IllegalStateException", "boom", null)
                .withRerun(Results.error("broken", "java.lang.IllegalStateException", "boom", null));
        RunSummary summary = new RunSummary();
        summary.add(ClassResult.builder(Results.CLASS)
                .tests(List.of(flaky, broken))
                .seconds(1)
                .build());

        assertEquals(2, summary.testsRun());
        assertEquals(0, summary.failures());
        assertEquals(1, summary.errors());
        assertEquals(1, summary.flakes());
        List<SummaryLine> lines = summary.lines();
        assertEquals(
                List.of(
                        new SummaryLine(SummaryLine.Level.ERROR, "Errors: "),
                        new SummaryLine(SummaryLine.Level.ERROR, Results.CLASS + ".broken"),
                        new SummaryLine(SummaryLine.Level.ERROR, "  Run 1: FooTest.broken » IllegalState boom"),
                        new SummaryLine(SummaryLine.Level.ERROR, "  Run 2: FooTest.broken » IllegalState boom"),
                        new SummaryLine(SummaryLine.Level.INFO, ""),
                        new SummaryLine(SummaryLine.Level.WARN, "Flakes: "),
                        new SummaryLine(SummaryLine.Level.WARN, Results.CLASS + ".flaky"),
                        new SummaryLine(SummaryLine.Level.ERROR, "  Run 1: " + ProblemLine.of(first)),
                        new SummaryLine(SummaryLine.Level.INFO, "  Run 2: PASS"),
                        new SummaryLine(SummaryLine.Level.INFO, ""),
                        new SummaryLine(
                                SummaryLine.Level.ERROR,
                                "Tests run: 2, Failures: 0, Errors: 1, Skipped: 0, Flakes: 1")),
                lines);
    }

    @Test
    void namesAClassThatFailedAsAWholeAndRanAgainAsSurefireDoesWithNull() {
        TestResult beforeAll = Results.error("", "java.lang.IllegalStateException", "down", null)
                .withRerun(Results.error("", "java.lang.IllegalStateException", "down", null));
        RunSummary summary = new RunSummary();
        summary.add(ClassResult.builder(Results.CLASS)
                .tests(List.of(beforeAll))
                .seconds(1)
                .build());

        assertEquals(
                new SummaryLine(SummaryLine.Level.ERROR, Results.CLASS + ".null"),
                summary.lines().get(1));
    }

    @Test
    void namesANestedClassesProblemByItsTopLevelClass() {
        TestResult inner = TestResult.builder("inner", Results.CLASS + "$Inner", Status.FAILED)
                .failure(
                        "java.lang.AssertionError",
                        "no",
                        "java.lang.AssertionError: no\n\tat com.acme.FooTest$Inner.inner(FooTest.java:9)")
                .build();
        RunSummary summary = new RunSummary();
        summary.add(ClassResult.builder(Results.CLASS)
                .tests(List.of(inner))
                .seconds(1)
                .build());

        assertEquals(
                new SummaryLine(SummaryLine.Level.ERROR, "  FooTest.inner no"),
                summary.lines().get(1));
    }

    @Test
    void namesASuiteMembersProblemByItsOwnClassWhenTheSuiteIsOneTestSet() {
        // What the JUnit 4 provider ran in a Suite: one test set, the suite's, of its members' tests.
        TestResult member = TestResult.builder("adds", "com.acme.AlphaChecks", Status.FAILED)
                .failure(
                        "java.lang.AssertionError",
                        "no",
                        "java.lang.AssertionError: no\n\tat com.acme.AlphaChecks.adds(AlphaChecks.java:9)")
                .build();
        RunSummary summary = new RunSummary();
        summary.add(ClassResult.builder("com.acme.AllTests")
                .tests(List.of(member))
                .seconds(1)
                .sets(List.of(new TestSet("com.acme.AllTests", "com.acme.AllTests", "com.acme.AllTests", 1, 1)))
                .build());

        assertEquals(
                new SummaryLine(SummaryLine.Level.ERROR, "  AlphaChecks.adds:9 no"),
                summary.lines().get(1));
    }

    @Test
    void logsTheTotalsAsAWarningWhenTestsWereSkippedAndNoneFailed() {
        RunSummary summary = oneSkippedOfTwo();

        assertEquals(
                List.of(new SummaryLine(SummaryLine.Level.WARN, "Tests run: 2, Failures: 0, Errors: 0, Skipped: 1")),
                summary.lines());
    }

    @Test
    void logsTheTotalsOfSkippedTestsAtInfoAsSurefireDoesFrom356On() {
        RunSummary summary = oneSkippedOfTwo();

        assertEquals(
                List.of(new SummaryLine(SummaryLine.Level.INFO, "Tests run: 2, Failures: 0, Errors: 0, Skipped: 1")),
                summary.lines(true));
    }

    @Test
    void listsFailuresAndErrorsSeparatelyInSurefireStyle() {
        RunSummary summary = new RunSummary();
        summary.add(Results.mixed("", ""));

        assertEquals(List.of("FooTest.divides:12 expected: <2> but was: <3>"), summary.failureLines());
        assertEquals(List.of("FooTest.reads:30 » IllegalState boom"), summary.errorLines());
    }

    @Test
    void ordersProblemsByClassAndTestNameWhateverTheArrivalOrder() {
        RunSummary summary = new RunSummary();
        summary.add(classWithFailure("com.acme.ZedTest", "b"));
        summary.add(classWithFailure("com.acme.AlphaTest", "z"));
        summary.add(classWithFailure("com.acme.AlphaTest", "a"));

        assertEquals(List.of("AlphaTest.a boom", "AlphaTest.z boom", "ZedTest.b boom"), summary.failureLines());
    }

    @Test
    void rendersSectionsThenBlankThenTotals() {
        RunSummary summary = new RunSummary();
        summary.add(Results.mixed("", ""));

        assertEquals(
                List.of(
                        "Failures: ",
                        "  FooTest.divides:12 expected: <2> but was: <3>",
                        "Errors: ",
                        "  FooTest.reads:30 » IllegalState boom",
                        "",
                        "Tests run: 4, Failures: 1, Errors: 1, Skipped: 1"),
                summary.render());
    }

    @Test
    void rendersOnlyTotalsForAGreenRun() {
        RunSummary summary = new RunSummary();
        summary.add(ClassResult.builder(Results.CLASS)
                .tests(List.of(Results.passed("adds", 0)))
                .build());

        assertFalse(summary.hasProblems());
        assertEquals(List.of("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0"), summary.render());
    }

    @Test
    void rendersOnlyTheSectionThatHasLines() {
        RunSummary summary = new RunSummary();
        summary.add(classWithFailure("com.acme.FooTest", "divides"));

        assertEquals(
                List.of("Failures: ", "  FooTest.divides boom", "", "Tests run: 1, Failures: 1, Errors: 0, Skipped: 0"),
                summary.render());
    }

    @Test
    void losesNoResultWhenClassesArriveFromManyThreads() throws Exception {
        RunSummary summary = new RunSummary();
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int j = 0; j < perThread; j++) {
                        summary.add(Results.mixed("", ""));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(threads * perThread * 4, summary.testsRun());
        assertEquals(threads * perThread, summary.failures());
        assertEquals(threads * perThread, summary.failureLines().size());
    }

    private static ClassResult classWithFailure(String className, String test) {
        TestResult t = TestResult.builder(test, className, Status.FAILED)
                .failure("java.lang.AssertionError", "boom", null)
                .build();
        return ClassResult.builder(className).tests(List.of(t)).build();
    }

    private static RunSummary oneSkippedOfTwo() {
        RunSummary summary = new RunSummary();
        summary.add(ClassResult.builder(Results.CLASS)
                .tests(List.of(Results.passed("a", 0), Results.skipped("b", "off")))
                .seconds(1)
                .build());
        return summary;
    }
}
