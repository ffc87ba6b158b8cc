package ci.fast.maven.report.timeline;

import ci.fast.maven.channel.Json;
import ci.fast.maven.files.AtomicFile;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run leaves beside its timeline for {@code fast-ci:report}, which the reports cannot say: where and when each
 * class ran, and the run's own span. A small JSON file, {@code last-run.json} beside {@code timeline.html}:
 *
 * <pre>{@code {"title": "junit-app", "forks": 2, "reconnects": 0, "start": 1764600000000, "end": 1764600003500,
 *  "classes": {"com.acme.FooTest": {"fork": 1, "start": 1764600000100, "end": 1764600001100}}}}</pre>
 *
 * Times are epoch milliseconds by the run's clock.
 *
 * @param title the run's name, its run key
 * @param forks how many forks the run planned
 * @param reconnects the forks' outages they came back from
 * @param start when the run started
 * @param end when it finished
 * @param classes each class the run completed, by name
 */
public record LastRun(
        String title, int forks, int reconnects, Instant start, Instant end, Map<String, Placed> classes) {
    /**
     * Where and when one class ran.
     *
     * @param fork the fork's number, from 1; {@link ci.fast.maven.results.ClassRun#NO_FORK} for a class no fork ran
     */
    public record Placed(int fork, Instant start, Instant end) {}

    public LastRun {
        Objects.requireNonNull(title, "LastRun.title");
        classes = Map.copyOf(classes);
    }

    /** The record's file beside a timeline page: {@code last-run.json} beside {@code timeline.html}, {@code it-…} too. */
    public static Path beside(Path timelineFile) {
        String name = timelineFile.getFileName().toString();
        String prefix =
                name.endsWith("timeline.html") ? name.substring(0, name.length() - "timeline.html".length()) : "";
        return timelineFile.resolveSibling(prefix + "last-run.json");
    }

    /** Writes the record atomically: a {@code fast-ci:report} running beside never reads half of it. */
    public void write(Path file) throws IOException {
        var placed = Json.PROVIDER.createObjectBuilder();
        classes.forEach((name, p) -> placed.add(
                name,
                Json.PROVIDER
                        .createObjectBuilder()
                        .add("fork", p.fork())
                        .add("start", p.start().toEpochMilli())
                        .add("end", p.end().toEpochMilli())));
        JsonObject json = Json.PROVIDER
                .createObjectBuilder()
                .add("title", title)
                .add("forks", forks)
                .add("reconnects", reconnects)
                .add("start", start.toEpochMilli())
                .add("end", end.toEpochMilli())
                .add("classes", placed)
                .build();
        AtomicFile.write(file, json.toString() + "\n");
    }

    /**
     * The record in {@code file}.
     *
     * @throws IOException when it cannot be read or is not such a record, saying which
     */
    public static LastRun read(Path file) throws IOException {
        try {
            JsonObject json =
                    Json.parse(Files.readString(file, StandardCharsets.UTF_8)).asJsonObject();
            Map<String, Placed> classes = new LinkedHashMap<>();
            json.getJsonObject("classes").forEach((name, value) -> {
                JsonObject p = value.asJsonObject();
                classes.put(name, new Placed(p.getInt("fork"), instant(p, "start"), instant(p, "end")));
            });
            String title = json.get("title") instanceof JsonString s ? s.getString() : "";
            return new LastRun(
                    title,
                    Math.max(1, json.getInt("forks")),
                    json.getInt("reconnects", 0),
                    instant(json, "start"),
                    instant(json, "end"),
                    classes);
        } catch (RuntimeException e) {
            throw new IOException("not a record of fast-ci's last run: " + e.getMessage(), e);
        }
    }

    private static Instant instant(JsonObject object, String name) {
        JsonValue value = object.get(name);
        if (!(value instanceof JsonNumber n)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a number");
        }
        return Instant.ofEpochMilli(n.longValue());
    }
}
