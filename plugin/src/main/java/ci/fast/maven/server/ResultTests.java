package ci.fast.maven.server;

import ci.fast.maven.channel.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A result's per-test entries as one JSON text, for a store's column: {@code [{"name": …, "status": …, "seconds": …,
 * "message": …, "flaky": true}]}, the message left out when there is none and the flag when the test was not flaky.
 */
final class ResultTests {
    private ResultTests() {}

    static String encode(List<Result.Test> tests) {
        JsonArrayBuilder array = Json.PROVIDER.createArrayBuilder();
        for (Result.Test test : tests) {
            JsonObjectBuilder entry = Json.PROVIDER
                    .createObjectBuilder()
                    .add("name", test.name())
                    .add("status", test.status())
                    .add("seconds", Double.isFinite(test.seconds()) ? test.seconds() : 0);
            if (test.message() != null) {
                entry.add("message", test.message());
            }
            if (test.flaky()) {
                entry.add("flaky", true);
            }
            array.add(entry);
        }
        return array.build().toString();
    }

    static List<Result.Test> decode(String text) {
        List<Result.Test> tests = new ArrayList<>();
        for (JsonValue value : Json.parse(text).asJsonArray()) {
            JsonObject entry = value.asJsonObject();
            tests.add(new Result.Test(
                    entry.getString("name"),
                    entry.getString("status"),
                    entry.getJsonNumber("seconds").doubleValue(),
                    entry.getString("message", null),
                    entry.getBoolean("flaky", false)));
        }
        return tests;
    }
}
