package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What our nodes add to a result (docs/server-protocol.md): a test that passed only on a rerun, and the per-JVM cache
 * its class used, which the timing history keeps for the next run of the run key.
 */
class OurNodesResultsTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-1", "junit");

    @Test
    void readsAFlakyTestAndTheClassesContext() {
        Result result = Wire.result("com.acme.A", (JsonObject) Json.parse("""
                {"file_status": "passed", "test_count": 2, "context": "spring:1a2b3c4d5e6f",
                 "retried()": {"status": "passed", "run_time": 0.2, "flaky": true},
                 "steady()": {"status": "passed", "run_time": 0.1}}"""));

        assertEquals("spring:1a2b3c4d5e6f", result.context());
        assertEquals(
                List.of(true, false),
                result.tests().stream().map(Result.Test::flaky).toList());
    }

    @Test
    void aResultAsTheCloudsNodesSendItHasNeither() {
        Result result = Wire.result("com.acme.A", (JsonObject) Json.parse("""
                {"file_status": "passed", "test_count": 1, "t()": {"status": "passed", "run_time": 0.2}}"""));

        assertEquals("", result.context());
        assertFalse(result.tests().get(0).flaky());
    }

    @Test
    void theHistoryKeepsEachClassesContextUnderItsRunKey() {
        RunKeyTimings timings = RunKeyTimings.inMemory();
        TimingsListener listener = new TimingsListener(timings, line -> {});
        List<Result.Test> tests = List.of(new Result.Test("t()", "passed", 0.5, null));

        listener.classCompleted(RUN, new Result("com.acme.A", "passed", 0.5, tests, false, "spring:aaaaaaaaaaaa"));
        listener.classCompleted(RUN, new Result("com.acme.Plain", "passed", 0.5, tests, false, ""));

        assertEquals(
                Map.of("com.acme.A", "spring:aaaaaaaaaaaa"),
                timings.contexts("junit", List.of("com.acme.A", "com.acme.Plain")));
        assertTrue(timings.contexts("other", List.of("com.acme.A")).isEmpty(), "kept by run key");
    }
}
