package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON of PROTOCOL.md sections 3 and 5 as the rules' commands take it: an enq's classes, a deq's results, a join's
 * CI node. What the rules
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
            if (!(entry.getValue() instanceof JsonObject e) || testEntries(e) == 0) {
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
        List<Result.Test> tests = new ArrayList<>(entry.size());
        for (Map.Entry<String, JsonValue> value : entry.entrySet()) {
            if (value.getValue() instanceof JsonObject test) {
                double runTime = test.get("run_time") instanceof JsonNumber time ? time.doubleValue() : 0;
                seconds += runTime;
                if (test.containsKey("status")) {
                    tests.add(new Result.Test(
                            value.getKey(),
                            string(test.get("status")),
                            runTime,
                            string(test.get("fully_formatted")),
                            test.get("flaky") == JsonValue.TRUE));
                }
            }
        }
        return new Result(key, string(entry.get("file_status")), seconds, tests, false, string(entry.get("context")));
    }

    /**
     * The CI node a join's payload names ({@link Events#CI_NODE}: PROTOCOL.md section 5); null when it names none, or
     * not with four non-empty strings, which makes it a join like any other.
     */
    static CiNode ciNode(JsonObject join) {
        if (!(join.get(Events.CI_NODE) instanceof JsonObject node)) {
            return null;
        }
        String lineage = string(node.get("lineage"));
        String attempt = string(node.get("attempt"));
        String name = string(node.get("node"));
        String machine = string(node.get("machine"));
        for (String part : new String[] {lineage, attempt, name, machine}) {
            if (part == null || part.isEmpty()) {
                return null;
            }
        }
        return new CiNode(lineage, attempt, name, machine);
    }

    /** How many per-test entries a class entry has: its object values with a {@code status}. */
    private static int testEntries(JsonObject entry) {
        int count = 0;
        for (JsonValue value : entry.values()) {
            if (value instanceof JsonObject test && test.containsKey("status")) {
                count++;
            }
        }
        return count;
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }
}
