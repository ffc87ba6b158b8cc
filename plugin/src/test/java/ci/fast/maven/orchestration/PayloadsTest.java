package ci.fast.maven.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The enq and results payloads of PROTOCOL.md section 3. */
class PayloadsTest {
    private static final Set<String> CLASS_FIELDS = Set.of("file_status", "test_count", "test_counters");

    @Test
    void enqueuesEachClassWithThePlaceholderTestAsTheProtocolAllows() {
        JsonObject enq = Payloads.enq(List.of("com.acme.billing.InvoiceTest"));

        assertEquals(Json.parse("""
                {"tests": {"com.acme.billing.InvoiceTest": {
                    "file_status": "pending",
                    "test_count": 1,
                    "test_counters": {"failed": 0, "passed": 0, "pending": 0},
                    "1": {"status": "pending", "run_time": 0.0}}}}"""), enq);
    }

    @Test
    void enqueuesEveryClassGivenAndNoOther() {
        JsonObject classes = Payloads.enq(List.of("com.acme.A", "com.acme.B", "com.acme.a.C"))
                .getJsonObject("tests");

        assertEquals(Set.of("com.acme.A", "com.acme.B", "com.acme.a.C"), classes.keySet());
        for (String key : classes.keySet()) {
            JsonObject entry = classes.getJsonObject(key);
            assertEquals(Set.of("1"), perTest(entry), key);
            assertEquals(1, entry.getInt("test_count"), key);
        }
    }

    @Test
    void reportsTheProtocolsResultsExampleExactly() {
        String trace = "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>\n\tat …";

        JsonObject results = Payloads.results(
                List.of("com.acme.A"),
                Map.of(
                        "com.acme.A",
                        List.of(test("adds()", "passed", 0.004, null), test("divides()", "failed", 0.012, trace))));

        assertEquals(Json.parse("""
                {"com.acme.A": {
                    "file_status": "failed",
                    "test_count": 2,
                    "test_counters": {"failed": 1, "passed": 1, "pending": 0},
                    "adds()": {"status": "passed", "run_time": 0.004},
                    "divides()": {"status": "failed", "run_time": 0.012,
                                  "fully_formatted": "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>\\n\\tat …"}}}"""), results);
    }

    @Test
    void marksAClassFailedWhenAnyTestFailed() {
        JsonObject entry = resultsOf(
                test("a()", "passed", 0.1, null), test("b()", "pending", 0, null), test("c()", "failed", 0.2, "boom"));

        assertEquals("failed", entry.getString("file_status"));
        assertEquals(counters(1, 1, 1), entry.getJsonObject("test_counters"));
        assertEquals(3, entry.getInt("test_count"));
    }

    @Test
    void marksAClassPassedWhenNoneFailedAndAnyPassed() {
        JsonObject entry = resultsOf(test("a()", "pending", 0, null), test("b()", "passed", 0.1, null));

        assertEquals("passed", entry.getString("file_status"));
        assertEquals(counters(0, 1, 1), entry.getJsonObject("test_counters"));
    }

    @Test
    void marksAClassPendingWhenEveryTestWasSkipped() {
        JsonObject entry = resultsOf(test("a()", "pending", 0, null), test("b()", "pending", 0, null));

        assertEquals("pending", entry.getString("file_status"));
        assertEquals(counters(0, 0, 2), entry.getJsonObject("test_counters"));
        assertEquals(2, entry.getInt("test_count"));
    }

    @Test
    void givesTheFailureTextOnlyToFailedTests() {
        JsonObject entry = resultsOf(
                test("a()", "passed", 0.1, null),
                test("b()", "failed", 0.2, "trace of b"),
                test("c()", "pending", 0, null));

        assertEquals("trace of b", entry.getJsonObject("b()").getString("fully_formatted"));
        assertFalse(entry.getJsonObject("a()").containsKey("fully_formatted"));
        assertFalse(entry.getJsonObject("c()").containsKey("fully_formatted"));
    }

    @Test
    void writesRunTimesAsNumbersOfSeconds() {
        JsonObject entry = resultsOf(test("a()", "passed", 1.25, null), test("b()", "pending", 0.0, null));

        JsonValue a = entry.getJsonObject("a()").get("run_time");
        assertEquals(JsonValue.ValueType.NUMBER, a.getValueType());
        assertEquals(1.25, ((JsonNumber) a).doubleValue());
        assertEquals(0.0, entry.getJsonObject("b()").getJsonNumber("run_time").doubleValue());
    }

    @Test
    void reportsEveryClassOfTheBatchEvenOneWithoutOutcomes() {
        Map<String, List<Map<String, Object>>> outcomes =
                Map.of("com.acme.A", List.of(test("a()", "passed", 0.1, null)));

        JsonObject results = Payloads.results(List.of("com.acme.A", "com.acme.Lost"), outcomes);

        assertEquals(Set.of("com.acme.A", "com.acme.Lost"), results.keySet());
        assertEquals(Json.parse("""
                {"file_status": "pending", "test_count": 1,
                 "test_counters": {"failed": 0, "passed": 0, "pending": 1},
                 "1": {"status": "pending", "run_time": 0.0}}"""), results.getJsonObject("com.acme.Lost"));
    }

    @Test
    void reportsAClassWithAnEmptyOutcomeListAsOnePendingPlaceholder() {
        JsonObject results = Payloads.results(List.of("com.acme.Empty"), Map.of("com.acme.Empty", List.of()));

        JsonObject entry = results.getJsonObject("com.acme.Empty");
        assertEquals(Set.of("1"), perTest(entry));
        assertEquals(1, entry.getInt("test_count"));
    }

    @Test
    void marksAFlakyTestOnlyForOurServer() {
        Map<String, Object> flaky = test("retried()", "passed", 0.2, null);
        flaky.put(TestSide.FLAKY, Boolean.TRUE);
        Map<String, List<Map<String, Object>>> outcomes =
                Map.of("com.acme.A", List.of(flaky, test("steady()", "passed", 0.1, null)));

        JsonObject ours =
                Payloads.results(List.of("com.acme.A"), outcomes, true).getJsonObject("com.acme.A");
        JsonObject cloud =
                Payloads.results(List.of("com.acme.A"), outcomes, false).getJsonObject("com.acme.A");

        assertTrue(ours.getJsonObject("retried()").getBoolean(TestSide.FLAKY));
        assertFalse(ours.getJsonObject("steady()").containsKey(TestSide.FLAKY));
        assertFalse(cloud.getJsonObject("retried()").containsKey(TestSide.FLAKY), "the cloud's entries are unchanged");
        assertEquals("passed", ours.getString("file_status"));
    }

    @Test
    void namesAClassesContextOnlyForOurServer() {
        Map<String, Object> test = test("loads()", "passed", 0.2, null);
        test.put(TestSide.CONTEXT, "spring:1a2b3c4d5e6f");
        Map<String, List<Map<String, Object>>> outcomes =
                Map.of("com.acme.A", List.of(test), "com.acme.Plain", List.of(test("plain()", "passed", 0.1, null)));

        JsonObject ours = Payloads.results(List.of("com.acme.A", "com.acme.Plain"), outcomes, true);

        assertEquals("spring:1a2b3c4d5e6f", ours.getJsonObject("com.acme.A").getString(TestSide.CONTEXT));
        assertFalse(ours.getJsonObject("com.acme.Plain").containsKey(TestSide.CONTEXT));
        assertFalse(
                ours.getJsonObject("com.acme.A").getJsonObject("loads()").containsKey(TestSide.CONTEXT),
                "a class's, not a test's");
        assertFalse(
                Payloads.results(List.of("com.acme.A"), outcomes, false)
                        .getJsonObject("com.acme.A")
                        .containsKey(TestSide.CONTEXT),
                "the cloud's entries are unchanged");
    }

    @Test
    void leavesOutClassesNotInTheBatch() {
        JsonObject results = Payloads.results(
                List.of("com.acme.A"),
                Map.of(
                        "com.acme.A", List.of(test("a()", "passed", 0.1, null)),
                        "com.acme.Other", List.of(test("o()", "passed", 0.1, null))));

        assertEquals(Set.of("com.acme.A"), results.keySet());
    }

    @Test
    void reportsRepeatedTestNamesUnderDistinctKeysWithTheirOwnOutcomes() {
        JsonObject entry = resultsOf(
                test("add(int)[1]", "passed", 0.1, null),
                test("add(int)[1]", "failed", 0.2, "second failed"),
                test("add(int)[1]", "pending", 0, null));

        assertEquals(Set.of("add(int)[1]", "add(int)[1] #2", "add(int)[1] #3"), perTest(entry));
        assertEquals("passed", entry.getJsonObject("add(int)[1]").getString("status"));
        assertEquals("failed", entry.getJsonObject("add(int)[1] #2").getString("status"));
        assertEquals("second failed", entry.getJsonObject("add(int)[1] #2").getString("fully_formatted"));
        assertEquals("pending", entry.getJsonObject("add(int)[1] #3").getString("status"));
        assertEquals(3, entry.getInt("test_count"));
    }

    @Test
    void renamesTestsNamedLikeTheClassEntrysOwnFields() {
        JsonObject entry = resultsOf(
                test("file_status", "passed", 0.1, null),
                test("test_count", "passed", 0.1, null),
                test("test_counters", "failed", 0.1, "x"));

        assertEquals("failed", entry.getString("file_status"));
        assertEquals(3, entry.getInt("test_count"));
        assertEquals(counters(1, 2, 0), entry.getJsonObject("test_counters"));
        assertEquals(Set.of("file_status #2", "test_count #2", "test_counters #2"), perTest(entry));
        assertEquals("failed", entry.getJsonObject("test_counters #2").getString("status"));
    }

    @SafeVarargs
    private static JsonObject resultsOf(Map<String, Object>... tests) {
        return Payloads.results(List.of("com.acme.A"), Map.of("com.acme.A", List.of(tests)))
                .getJsonObject("com.acme.A");
    }

    private static Map<String, Object> test(String name, String status, double seconds, String failure) {
        Map<String, Object> test = new HashMap<>();
        test.put(TestSide.NAME, name);
        test.put(TestSide.STATUS, status);
        test.put(TestSide.SECONDS, seconds);
        if (failure != null) {
            test.put(TestSide.FAILURE, failure);
        }
        return test;
    }

    private static JsonObject counters(int failed, int passed, int pending) {
        return Json.object(Map.of("failed", failed, "passed", passed, "pending", pending));
    }

    /** The per-test keys of a class entry. */
    private static Set<String> perTest(JsonObject entry) {
        assertTrue(entry.keySet().containsAll(CLASS_FIELDS), entry.toString());
        return entry.keySet().stream().filter(k -> !CLASS_FIELDS.contains(k)).collect(Collectors.toSet());
    }
}
