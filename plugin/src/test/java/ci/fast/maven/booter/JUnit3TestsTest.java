package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.samples.JUnit3Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The run of a JUnit 3 project with its own junit jar: what each batch reports must be what Surefire 3.5.4's JUnit 3
 * provider reports for the same classes (names, classes, outcomes, messages, summary lines; its reports of
 * {@code src/it/junit3-own-jar} are where the expectations come from).
 */
class JUnit3TestsTest {
    private static final String SAMPLES = JUnit3Samples.class.getName() + "$";

    @Test
    void aTestCaseReportsEachTestByItsMethodAndClass() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "Money"));

        assertEquals(
                List.of("testAdds PASSED " + SAMPLES + "Money", "testSubtracts PASSED " + SAMPLES + "Money"),
                shapes(run, SAMPLES + "Money"));
        assertEquals(List.of(SAMPLES + "Money"), classesFinished(run));
    }

    @Test
    void anAssertionIsAFailureAndAnyOtherThrowableAnError() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "Ledger"));

        Map<String, TestOutcome> byName = byName(run, SAMPLES + "Ledger");
        TestOutcome fails = byName.get("testFails");
        assertEquals(TestOutcome.FAILED, fails.status());
        assertEquals("junit.framework.AssertionFailedError", fails.failureType());
        assertEquals("balanced expected:<2> but was:<3>", fails.failureMessage());
        TestOutcome throwsOne = byName.get("testThrows");
        assertEquals(TestOutcome.ERROR, throwsOne.status());
        assertEquals("java.lang.IllegalStateException", throwsOne.failureType());
        assertEquals("the ledger is closed", throwsOne.failureMessage());
    }

    @Test
    void theSummaryLineIsTheProvidersClassHashMethodTypeAndMessage() throws Exception {
        Map<String, TestOutcome> byName = byName(BatchRun.ofJUnit3(List.of(SAMPLES + "Ledger")), SAMPLES + "Ledger");

        // JUnit 4's AssertionFailedError is an AssertionError: no type named, as for JUnit 3.8's plain assertions.
        assertEquals(
                SAMPLES + "Ledger#testFails balanced expected:<2> but was:<3>",
                byName.get("testFails").problemLine());
        assertEquals(
                SAMPLES + "Ledger#testThrows IllegalStateException the ledger is closed",
                byName.get("testThrows").problemLine());
    }

    @Test
    void theSummaryLineNamesAnyThrowableThatIsNoAssertionError() {
        // JUnit 3.8's AssertionFailedError extends Error: Surefire's provider names it.
        assertEquals("a.FooTest#testIt Error no", JUnit3Reporting.problemLine("a.FooTest", "testIt", new Error("no")));
        assertEquals("a.FooTest#testIt", JUnit3Reporting.problemLine("a.FooTest", "testIt", new AssertionError()));
    }

    @Test
    void aMessageOfSeveralLinesStartsOnALineOfItsOwnInTheTrace() throws Exception {
        TestOutcome breaks = byName(BatchRun.ofJUnit3(List.of(SAMPLES + "Ledger")), SAMPLES + "Ledger")
                .get("testBreaksLines");

        assertTrue(
                breaks.stackTrace().startsWith("java.lang.IllegalArgumentException: \nfirst line\nsecond line"),
                breaks.stackTrace());
    }

    @Test
    void theTraceEndsWithJUnitsFramesNotTheForks() throws Exception {
        TestOutcome fails = byName(BatchRun.ofJUnit3(List.of(SAMPLES + "Ledger")), SAMPLES + "Ledger")
                .get("testFails");

        assertTrue(fails.stackTrace().contains("at " + SAMPLES + "Ledger.testFails("), fails.stackTrace());
        assertTrue(fails.stackTrace().contains("at junit.framework.TestSuite.run("), fails.stackTrace());
        assertFalse(fails.stackTrace().contains(JUnit3Run.class.getName()), fails.stackTrace());
        assertFalse(fails.stackTrace().contains(PlatformTests.class.getName()), fails.stackTrace());
    }

    @Test
    void aFailingSetUpIsTheTestsError() throws Exception {
        assertEquals(
                List.of("testNeverRuns ERROR " + SAMPLES + "SetUpFails"),
                shapes(BatchRun.ofJUnit3(List.of(SAMPLES + "SetUpFails")), SAMPLES + "SetUpFails"));
    }

    @Test
    void aTestCaseWithoutTestsReportsJUnitsWarning() throws Exception {
        TestOutcome warning = outcomes(BatchRun.ofJUnit3(List.of(SAMPLES + "NoTests")), SAMPLES + "NoTests")
                .get(0);

        assertEquals("warning", warning.name());
        assertEquals("junit.framework.TestSuite$1", warning.reportClass());
        assertEquals(TestOutcome.FAILED, warning.status());
        assertEquals("No tests found in " + SAMPLES + "NoTests", warning.failureMessage());
        assertEquals(
                "junit.framework.TestSuite$1#warning No tests found in " + SAMPLES + "NoTests", warning.problemLine());
    }

    @Test
    void anAbstractClassAndOneWithNeitherTestsNorAPublicConstructorAreNotReported() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "AbstractBase", SAMPLES + "NoPublicConstructor"));

        assertEquals(List.of(), run.all(ForkEvent.ClassStarted.class));
        assertEquals(List.of(), run.all(ForkEvent.TestFinished.class));
    }

    @Test
    void aSuiteMethodsTestsCountInItsClassUnderTheirOwnClasses() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "AllSuites"));

        List<String> shapes = shapes(run, SAMPLES + "AllSuites");
        assertEquals(
                List.of(
                        "testAdds PASSED " + SAMPLES + "Money",
                        "testOne PASSED " + SAMPLES + "Threaded",
                        "testOne PASSED " + SAMPLES + "Threaded",
                        "testOne PASSED " + SAMPLES + "Threaded",
                        "testSubtracts PASSED " + SAMPLES + "Money",
                        "testTwo FAILED " + SAMPLES + "Threaded"),
                shapes.stream().sorted().toList());
        assertEquals(List.of(SAMPLES + "AllSuites"), classesFinished(run));
        assertEquals(6, run.wire().get(SAMPLES + "AllSuites").size());
    }

    @Test
    void testsOfAnActiveTestSuiteReportFromTheirThreadsWithoutDeadlock() {
        // Each test runs in a thread of its own while the suite waits for them on the batch's thread.
        BatchRun run = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> BatchRun.ofJUnit3(List.of(SAMPLES + "AllSuites")));

        assertEquals(6, outcomes(run, SAMPLES + "AllSuites").size());
    }

    @Test
    void aDecoratorsFailingSetUpIsAnErrorNamedByWhatItDecorates() throws Exception {
        List<TestOutcome> outcomes =
                outcomes(BatchRun.ofJUnit3(List.of(SAMPLES + "DecoratorFails")), SAMPLES + "DecoratorFails");

        assertEquals(1, outcomes.size());
        assertEquals(TestOutcome.ERROR, outcomes.get(0).status());
        // The decorator's toString() is its suite's name, its class's: no method in it, an empty name in the report.
        assertEquals(SAMPLES + "Money", outcomes.get(0).reportClass());
        assertEquals("", outcomes.get(0).name());
        assertEquals("no database", outcomes.get(0).failureMessage());
    }

    @Test
    void aSuiteMethodThatThrowsIsItsClassesError() throws Exception {
        List<TestOutcome> outcomes =
                outcomes(BatchRun.ofJUnit3(List.of(SAMPLES + "SuiteThrows")), SAMPLES + "SuiteThrows");

        assertEquals(1, outcomes.size());
        assertEquals("", outcomes.get(0).name());
        assertEquals(TestOutcome.ERROR, outcomes.get(0).status());
        assertEquals("cannot build the suite", outcomes.get(0).failureMessage());
    }

    @Test
    void aClassThatIsNoTestCaseRunsAsAPojoTestNamedByClassAndMethod() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "Pojo"));

        Map<String, TestOutcome> byName = byName(run, SAMPLES + "Pojo");
        assertEquals(
                List.of(SAMPLES + "Pojo.testPasses()", SAMPLES + "Pojo.testThrows()"),
                byName.keySet().stream().sorted().toList());
        assertEquals(
                TestOutcome.PASSED, byName.get(SAMPLES + "Pojo.testPasses()").status());
        TestOutcome throwsOne = byName.get(SAMPLES + "Pojo.testThrows()");
        // The provider reports every problem of a POJO test as a failure.
        assertEquals(TestOutcome.FAILED, throwsOne.status());
        assertEquals("java.lang.IllegalStateException", throwsOne.failureType());
        assertEquals(SAMPLES + "Pojo#testThrows IllegalStateException pojo error", throwsOne.problemLine());
        assertEquals(SAMPLES + "Pojo", throwsOne.reportClass());
        assertEquals(2, outputLines(run, "pojo set-up"));
    }

    @Test
    void aPojoTestsFailingSetUpFailsItWithTheReflectiveExceptionAndStopsTheClass() throws Exception {
        List<TestOutcome> outcomes =
                outcomes(BatchRun.ofJUnit3(List.of(SAMPLES + "PojoSetUpFails")), SAMPLES + "PojoSetUpFails");

        assertEquals(1, outcomes.size());
        assertEquals(TestOutcome.FAILED, outcomes.get(0).status());
        assertEquals(
                "java.lang.reflect.InvocationTargetException", outcomes.get(0).failureType());
    }

    @Test
    void aPojoWithoutTestsIsAClassWithNoTests() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "NothingToRun"));

        assertEquals(List.of(SAMPLES + "NothingToRun"), classesFinished(run));
        assertEquals(List.of(), outcomes(run, SAMPLES + "NothingToRun"));
    }

    @Test
    void aClassThatDoesNotLoadIsReportedNotLoaded() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of("com.example.Missing"));

        TestOutcome outcome = outcomes(run, "com.example.Missing").get(0);
        assertEquals(TestOutcome.NOT_LOADED, outcome.failureType());
    }

    @Test
    void aBatchOfSeveralClassesReportsEachInItsOwnKeyInOrder() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(
                List.of(SAMPLES + "Ledger", SAMPLES + "AbstractBase", SAMPLES + "Money", SAMPLES + "NoTests"));

        assertEquals(List.of(SAMPLES + "Ledger", SAMPLES + "Money", SAMPLES + "NoTests"), classesFinished(run));
        assertEquals(3, outcomes(run, SAMPLES + "Ledger").size());
        assertEquals(2, outcomes(run, SAMPLES + "Money").size());
        assertEquals(List.of(), run.wire().get(SAMPLES + "AbstractBase"));
    }

    @Test
    void aTestsOutputIsItsOwn() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "Money"));

        String adds = byName(run, SAMPLES + "Money").get("testAdds").name();
        assertEquals("testAdds", adds);
        assertEquals(1, outputLines(run, "adding"));
    }

    @Test
    void theOrchestratorGetsEachTestWithItsStatus() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "Ledger"));

        Map<String, Object> statuses = run.wire().get(SAMPLES + "Ledger").stream()
                .collect(Collectors.toMap(t -> (String) t.get("name"), t -> t.get("status")));
        assertEquals(Map.of("testFails", "failed", "testThrows", "failed", "testBreaksLines", "failed"), statuses);
    }

    @Test
    void noClassIsSplitByMethod() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "Money"));

        // No method times: the server never splits a JUnit 3 class, which the run could not select by method.
        assertEquals(Map.of(), run.all(ForkEvent.ClassFinished.class).get(0).methods());
    }

    @Test
    void theClassesAreTheProvidersTestSetsAndNoneOfTheirTests() throws Exception {
        BatchRun run = BatchRun.ofJUnit3(List.of(SAMPLES + "AllSuites"));

        assertEquals(
                List.of(SAMPLES + "AllSuites"),
                run.all(ForkEvent.SetStarted.class).stream()
                        .map(ForkEvent.SetStarted::name)
                        .toList());
    }

    @Test
    void aDescriptionIsSplitAsSurefireSplitsIt() {
        assertEquals("a.FooTest", JUnit3Reporting.classOf("testIt(a.FooTest)"));
        assertEquals("testIt", JUnit3Reporting.methodOf("testIt(a.FooTest)"));
        assertEquals("a suite", JUnit3Reporting.classOf("a suite"));
        assertNull(JUnit3Reporting.methodOf("a suite"));
        assertEquals("", JUnit3Reporting.methodOf("(a.FooTest)"));
        assertNull(JUnit3Plan.kindOf(JUnit3Samples.AbstractBase.class));
        assertEquals(JUnit3Plan.Kind.JUNIT, JUnit3Plan.kindOf(JUnit3Samples.AllSuites.class));
        assertEquals(JUnit3Plan.Kind.POJO, JUnit3Plan.kindOf(JUnit3Samples.Pojo.class));
    }

    private static List<TestOutcome> outcomes(BatchRun run, String key) {
        return run.all(ForkEvent.TestFinished.class).stream()
                .filter(e -> e.key().equals(key))
                .map(ForkEvent.TestFinished::outcome)
                .toList();
    }

    private static Map<String, TestOutcome> byName(BatchRun run, String key) {
        return outcomes(run, key).stream().collect(Collectors.toMap(TestOutcome::name, t -> t));
    }

    private static List<String> shapes(BatchRun run, String key) {
        return outcomes(run, key).stream()
                .map(t -> t.name() + " " + t.status() + " " + t.reportClass())
                .toList();
    }

    private static List<String> classesFinished(BatchRun run) {
        return run.all(ForkEvent.ClassFinished.class).stream()
                .map(ForkEvent.ClassFinished::key)
                .toList();
    }

    private static long outputLines(BatchRun run, String line) {
        return run.all(ForkEvent.Output.class).stream()
                .map(o -> new String(o.bytes(), StandardCharsets.UTF_8))
                .flatMap(String::lines)
                .filter(line::equals)
                .count();
    }
}
