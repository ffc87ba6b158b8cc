package ci.fast.maven.server;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of PROTOCOL.md section 3 as the rules' commands take it: an enq's classes, a deq's results. What the rules
 * never see: they know no JSON.
 */
final class Wire {
    private Wire() {}

    /**
     * Why {@code enq} cannot create a queue, as the error reply says it; null when it can.
     *
     * @see #classes
     */
    static String enqProblem(JsonObject enq) {
        if (!(enq.get("tests") instanceof JsonObject tests)) {
            return "enq payload needs a \"tests\" object";
        }
        for (Map.Entry<String, JsonValue> entry : tests.entrySet()) {
            if (!(entry.getValue() instanceof JsonObject e) || testEntries(e).isEmpty()) {
                return "enq entry " + entry.getKey() + " has no per-test entry";
            }
        }
        return null;
    }

    /** The classes of an enq that has no {@link #enqProblem}, in its order. */
    static List<String> classes(JsonObject enq) {
        return List.copyOf(enq.getJsonObject("tests").keySet());
    }

    /** The results a deq (or a dead fork's record) carries: one per KEY whose value is an object, in its order. */
    static List<Result> results(JsonObject payload) {
        List<Result> results = new ArrayList<>(payload.size());
        payload.forEach((key, value) -> {
            if (value instanceof JsonObject entry) {
                results.add(result(key, entry));
            }
        });
        return results;
    }

    /** One class's result; its duration is the sum of its tests' run times. */
    static Result result(String key, JsonObject entry) {
        double seconds = 0;
        for (JsonValue value : entry.values()) {
            if (value instanceof JsonObject test && test.get("run_time") instanceof JsonNumber time) {
                seconds += time.doubleValue();
            }
        }
        List<Result.Test> tests = new ArrayList<>();
        testEntries(entry)
                .forEach((name, test) -> tests.add(new Result.Test(
                        name,
                        string(test.get("status")),
                        test.get("run_time") instanceof JsonNumber time ? time.doubleValue() : 0,
                        string(test.get("fully_formatted")))));
        return new Result(key, string(entry.get("file_status")), seconds, tests, false);
    }

    /** A class entry's per-test entries: its object values with a {@code status}. */
    private static Map<String, JsonObject> testEntries(JsonObject entry) {
        Map<String, JsonObject> tests = new LinkedHashMap<>();
        entry.forEach((name, value) -> {
            if (value instanceof JsonObject test && test.containsKey("status")) {
                tests.put(name, test);
            }
        });
        return tests;
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
