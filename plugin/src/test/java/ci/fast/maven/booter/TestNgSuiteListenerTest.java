package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.samples.NgCountingFactory;
import ci.fast.maven.booter.samples.NgExcludeSample;
import ci.fast.maven.booter.samples.NgFactorySample;
import ci.fast.maven.booter.samples.NgGroupSample;
import ci.fast.maven.booter.samples.NgNestedSamples;
import ci.fast.maven.booter.samples.NgParallelSample;
import ci.fast.maven.booter.samples.NgParameterSample;
import ci.fast.maven.booter.samples.NgRecordingListener;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The suite files' settings and the object factory, applied to the TestNG engine's suite in a real run of the JUnit
 * Platform's TestNG engine, as a fork runs a batch.
 */
class TestNgSuiteListenerTest {
    private static final String SUITE = TestRunOptions.SUITE_FILES;

    @Test
    void aTestReadsItsTestsAndItsClasssParameters() throws Exception {
        String type = NgParameterSample.class.getName();
        TestNgSuite testNg = suite(
                Map.of("unit", test("unit", Map.of("greeting", "hello", "name", "test"), List.of(), List.of())),
                Map.of(type, new TestNgSuite.Member("unit", Map.of("name", "class"), List.of())),
                List.of());

        BatchRun run = BatchRun.ofTestNg(List.of(SUITE), List.of(type), testNg);

        assertEquals(List.of(type + "#greets(java.lang.String, java.lang.String) PASSED"), outcomes(run));
    }

    @Test
    void onlyTheIncludedGroupsRun() throws Exception {
        String type = NgGroupSample.class.getName();
        TestNgSuite testNg = suite(
                Map.of("unit", test("unit", Map.of(), List.of("fast"), List.of())),
                Map.of(type, new TestNgSuite.Member("unit", Map.of(), List.of())),
                List.of());

        BatchRun run = BatchRun.ofTestNg(List.of(SUITE), List.of(type), testNg);

        assertEquals(List.of(type + "#fast PASSED"), outcomes(run));
    }

    @Test
    void theExcludedGroupsDoNotRun() throws Exception {
        String type = NgGroupSample.class.getName();
        TestNgSuite testNg = suite(
                Map.of("unit", test("unit", Map.of(), List.of(), List.of("fast"))),
                Map.of(type, new TestNgSuite.Member("unit", Map.of(), List.of())),
                List.of());

        BatchRun run = BatchRun.ofTestNg(List.of(SUITE), List.of(type), testNg);

        assertEquals(List.of(type + "#slow PASSED"), outcomes(run));
    }

    @Test
    void excludedMethodsDoNotRunAndTheirPatternsAreRegularExpressions() throws Exception {
        String type = NgExcludeSample.class.getName();
        TestNgSuite testNg = suite(
                Map.of("unit", test("unit", Map.of(), List.of(), List.of())),
                Map.of(type, new TestNgSuite.Member("unit", Map.of(), List.of("broken.*"))),
                List.of());

        BatchRun run = BatchRun.ofTestNg(List.of(SUITE), List.of(type), testNg);

        assertEquals(List.of(type + "#kept PASSED"), outcomes(run));
    }

    @Test
    void theSuitesListenersAreRegistered() throws Exception {
        String type = NgGroupSample.class.getName();
        NgRecordingListener.PASSED.clear();
        TestNgSuite testNg = suite(
                Map.of("unit", test("unit", Map.of(), List.of(), List.of())),
                Map.of(type, new TestNgSuite.Member("unit", Map.of(), List.of())),
                List.of(NgRecordingListener.class.getName()));

        BatchRun.ofTestNg(List.of(SUITE), List.of(type), testNg);

        assertEquals(
                List.of("fast", "slow"),
                NgRecordingListener.PASSED.stream().sorted().toList());
    }

    @Test
    void aNestedClassRunsInItsOuterClasssTest() throws Exception {
        String outer = NgNestedSamples.class.getName();
        TestNgSuite testNg = suite(
                Map.of("unit", test("unit", Map.of(), List.of("none of theirs"), List.of())),
                Map.of(outer, new TestNgSuite.Member("unit", Map.of(), List.of())),
                List.of());

        BatchRun run = BatchRun.ofTestNg(List.of(SUITE), List.of(outer), testNg);

        assertEquals(List.of(), outcomes(run), "the test's groups apply to the nested class too");
    }

    @Test
    void aTestsParallelSettingsRunItsMethodsAtOnce() throws Exception {
        String type = NgParallelSample.class.getName();
        TestNgSuite testNg = suite(
                Map.of("unit", new TestNgSuite.Test("unit", Map.of(), List.of(), List.of(), "methods", 2)),
                Map.of(type, new TestNgSuite.Member("unit", Map.of(), List.of())),
                List.of());

        BatchRun run = BatchRun.ofTestNg(List.of(SUITE), List.of(type), testNg);

        assertEquals(List.of(type + "#one PASSED", type + "#two PASSED"), outcomes(run));
    }

    @Test
    void theObjectFactoryCreatesTheTestInstances() throws Exception {
        String type = NgFactorySample.class.getName();
        NgCountingFactory.CREATED.clear();

        BatchRun run = BatchRun.ofTestNg(
                List.of(SUITE), List.of(type), TestNgSuite.NONE.withObjectFactory(NgCountingFactory.class.getName()));

        assertEquals(List.of(type + "#createdByTheFactory PASSED"), outcomes(run));
        assertTrue(NgCountingFactory.CREATED.contains(NgFactorySample.class));
    }

    private static TestNgSuite suite(
            Map<String, TestNgSuite.Test> tests, Map<String, TestNgSuite.Member> classes, List<String> listeners) {
        return new TestNgSuite(null, Map.of(), listeners, null, 0, 0, tests, classes);
    }

    private static TestNgSuite.Test test(
            String name, Map<String, String> parameters, List<String> included, List<String> excluded) {
        return new TestNgSuite.Test(name, parameters, included, excluded, null, 0);
    }

    /** Each test the run reported: its class, name and status, sorted. */
    private static List<String> outcomes(BatchRun run) {
        return run.all(ForkEvent.TestFinished.class).stream()
                .map(t -> t.outcome().reportClass() + "#" + t.outcome().name() + " "
                        + t.outcome().status())
                .sorted()
                .toList();
    }
}
