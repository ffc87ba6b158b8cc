package ci.fast.maven.orchestration;

import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** Builds the enq and results payloads of PROTOCOL.md section 3 from the tests' side's plain data. */
public final class Payloads {
    /** The per-test entry a class gets when its tests are not known (the cloud needs at least one). */
    static final String PLACEHOLDER = "1";

    private Payloads() {}

    /**
     * {@code {"tests": {KEY: ENTRY}}}, each ENTRY with the one pending {@link #PLACEHOLDER} test: a class's tests are
     * known once it runs.
     */
    static JsonObject enq(List<String> keys) {
        JsonObjectBuilder classes = Json.PROVIDER.createObjectBuilder();
        for (String key : keys) {
            classes.add(
                    key,
                    Json.PROVIDER
                            .createObjectBuilder()
                            .add(
                                    PLACEHOLDER,
                                    Json.PROVIDER
                                            .createObjectBuilder()
                                            .add("status", "pending")
                                            .add("run_time", 0.0))
                            .add("file_status", "pending")
                            .add("test_count", 1)
                            .add("test_counters", counters(0, 0, 0)));
        }
        return Json.PROVIDER.createObjectBuilder().add("tests", classes).build();
    }

    /**
     * The results payload of the given classes, for a replacement fork to carry (see
     * {@link NodeSession#carry}); each outcome holds {@link TestSide}'s keys.
     */
    public static JsonObject carried(Map<String, List<Map<String, Object>>> outcomes) {
        return results(List.copyOf(outcomes.keySet()), outcomes);
    }

    /** The results of a batch as the cloud takes them: {@link #results(List, Map, boolean)} for another server. */
    static JsonObject results(List<String> batch, Map<String, List<Map<String, Object>>> outcomes) {
        return results(batch, outcomes, false);
    }

    /**
     * The results of a batch: one KEY per class of {@code batch}, each with at least one per-test entry.
     *
     * @param ours whether the server is our own, which takes a per-test {@code flaky} and a class's {@code context}
     *     (docs/server-protocol.md); the cloud's entries stay as PROTOCOL.md has them
     */
    static JsonObject results(List<String> batch, Map<String, List<Map<String, Object>>> outcomes, boolean ours) {
        JsonObjectBuilder payload = Json.PROVIDER.createObjectBuilder();
        for (String key : batch) {
            List<Map<String, Object>> tests = outcomes.getOrDefault(key, List.of());
            payload.add(key, classEntry(tests, ours));
        }
        return payload.build();
    }

    private static JsonObject classEntry(List<Map<String, Object>> tests, boolean ours) {
        JsonObjectBuilder entry = Json.PROVIDER.createObjectBuilder();
        int failed = 0;
        int passed = 0;
        int pending = 0;
        if (tests.isEmpty()) {
            entry.add(
                    PLACEHOLDER,
                    Json.PROVIDER.createObjectBuilder().add("status", "pending").add("run_time", 0.0));
            pending = 1;
        }
        List<String> names = UniqueNames.of(
                tests.stream().map(t -> (String) t.get(TestSide.NAME)).toList());
        for (int i = 0; i < tests.size(); i++) {
            Map<String, Object> test = tests.get(i);
            String status = (String) test.get(TestSide.STATUS);
            JsonObjectBuilder one = Json.PROVIDER
                    .createObjectBuilder()
                    .add("status", status)
                    .add("run_time", ((Number) test.get(TestSide.SECONDS)).doubleValue());
            if (test.get(TestSide.FAILURE) instanceof String failure) {
                one.add("fully_formatted", failure);
            }
            if (ours && Boolean.TRUE.equals(test.get(TestSide.FLAKY))) {
                one.add(TestSide.FLAKY, true);
            }
            entry.add(names.get(i), one);
            switch (status) {
                case "failed" -> failed++;
                case "passed" -> passed++;
                default -> pending++;
            }
        }
        String fileStatus = failed > 0 ? "failed" : passed > 0 ? "passed" : "pending";
        if (ours && !tests.isEmpty() && tests.get(0).get(TestSide.CONTEXT) instanceof String context) {
            entry.add(TestSide.CONTEXT, context);
        }
        return entry.add("file_status", fileStatus)
                .add("test_count", failed + passed + pending)
                .add("test_counters", counters(failed, passed, pending))
                .build();
    }

    private static JsonObjectBuilder counters(int failed, int passed, int pending) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("failed", failed)
                .add("passed", passed)
                .add("pending", pending);
    }
}
