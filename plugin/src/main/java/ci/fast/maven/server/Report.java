package ci.fast.maven.server;

import ci.fast.maven.channel.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One class's {@code TEST-*.xml} report as the node that ran it wrote it, kept by our server for the run's merged
 * reports ({@code fast-ci:report}); docs/server-protocol.md, "Merged reports". On the wire, an object
 * {@code {"class": …, "file": …, "xml": …}}.
 *
 * @param key the class, as the run enqueued it
 * @param file the report's file name, such as {@code TEST-com.acme.FooTest.xml}
 * @param xml the report
 */
public record Report(String key, String file, String xml) {
    public Report {
        Objects.requireNonNull(key, "Report.key");
        Objects.requireNonNull(file, "Report.file");
        Objects.requireNonNull(xml, "Report.xml");
    }

    /** The reports as the wire's array. */
    public static JsonArrayBuilder json(List<Report> reports) {
        JsonArrayBuilder array = Json.PROVIDER.createArrayBuilder();
        for (Report r : reports) {
            array.add(Json.PROVIDER
                    .createObjectBuilder()
                    .add("class", r.key())
                    .add("file", r.file())
                    .add("xml", r.xml()));
        }
        return array;
    }

    /**
     * The reports of the wire's array.
     *
     * @throws IllegalArgumentException when it is not one, or an entry lacks a string field
     */
    public static List<Report> parse(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("\"reports\" is not an array");
        }
        List<Report> reports = new ArrayList<>();
        for (JsonValue entry : value.asJsonArray()) {
            if (!(entry instanceof JsonObject o)) {
                throw new IllegalArgumentException("a report is not an object");
            }
            reports.add(new Report(string(o, "class"), string(o, "file"), string(o, "xml")));
        }
        return reports;
    }

    private static String string(JsonObject o, String name) {
        if (o.get(name) instanceof JsonString s) {
            return s.getString();
        }
        throw new IllegalArgumentException("a report's \"" + name + "\" is not a string");
    }
}
