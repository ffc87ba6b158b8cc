package ci.fast.maven.run;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.server.Report;
import ci.fast.maven.server.ReportArchive;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Maven side's HTTP requests for a run's reports on our own server (docs/server-protocol.md, "Merged reports"):
 * a node hands over the reports of the classes it ran, {@code fast-ci:report} takes the whole run's. The server is the
 * one the nodes connect to, over HTTP where they use WebSocket ({@code ws} → {@code http}, {@code wss} →
 * {@code https}); the key goes in a header, never in the URL. Every failure is one {@link IOException} line naming the
 * server, never the key.
 */
public final class ReportExchange {
    /** A node's reports go in parts of about this many bytes, well below what the server takes in one request. */
    static final int PART_BYTES = 8 * 1024 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final URI server;
    private final Secret secret;
    private final HttpClient http;

    /** @param server the nodes' base URL, such as {@code ws://127.0.0.1:4000} */
    public ReportExchange(URI server, Secret secret) {
        this.server = server;
        this.secret = secret;
        // HTTP/1.1: the server answers plain requests; an h2c upgrade offer would only be refused.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    /**
     * Whether {@code server} is our own ({@code fast-ci:serve}), the only one that keeps reports: it says so at the
     * WebSocket upgrade, as {@link RemoteRun} finds out, retrying an unreachable server as a node does at its start.
     *
     * @param params the connect parameters, as the run's nodes had them
     * @throws IOException the one line of a server that refused or could not be reached
     */
    public static boolean ours(URI server, Secret secret, Map<String, String> params)
            throws IOException, InterruptedException {
        try (Scheduler scheduler = Scheduler.daemon("fast-ci-probe")) {
            return ServerProbe.reach(new ServerAddress(server, secret, params), ServerProbe.AT_START, scheduler)
                    .ours();
        } catch (ChannelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Hands {@code reports} over to the run of {@code topic}, in parts.
     *
     * @return how many the server kept (it keeps the first report of each class the run enqueued)
     */
    public int upload(String topic, List<Report> reports) throws IOException, InterruptedException {
        int kept = 0;
        List<Report> part = new ArrayList<>();
        long bytes = 0;
        for (Report report : reports) {
            part.add(report);
            bytes += report.xml().length()
                    + report.file().length()
                    + report.key().length();
            if (bytes >= PART_BYTES) {
                kept += post(topic, part);
                part.clear();
                bytes = 0;
            }
        }
        if (!part.isEmpty()) {
            kept += post(topic, part);
        }
        return kept;
    }

    /**
     * The whole run's reports.
     *
     * @throws IOException naming the topic when the server knows no such run, or the answer when it is not one
     */
    public ReportArchive.Archived fetch(String topic) throws IOException, InterruptedException {
        JsonObject answer = send(topic, request(topic).GET());
        try {
            List<String> classes = new ArrayList<>();
            for (JsonValue v : answer.getJsonArray("classes")) {
                classes.add(((JsonString) v).getString());
            }
            return new ReportArchive.Archived(
                    answer.getBoolean("finished"), classes, Report.parse(answer.get("reports")));
        } catch (RuntimeException e) {
            throw new IOException(server + " answered the reports of " + topic + " with no reports: " + e.getMessage());
        }
    }

    private int post(String topic, List<Report> part) throws IOException, InterruptedException {
        String body = Json.PROVIDER
                .createObjectBuilder()
                .add("reports", Report.json(part))
                .build()
                .toString();
        JsonObject answer = send(
                topic,
                request(topic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
        return answer.get("kept") instanceof JsonNumber n ? n.intValue() : 0;
    }

    private HttpRequest.Builder request(String topic) {
        String scheme = "wss".equals(server.getScheme()) ? "https" : "http";
        URI uri = URI.create(scheme + "://" + server.getRawAuthority() + Events.reportsPath(topic));
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header(Events.KEY_HEADER, secret.reveal());
    }

    private JsonObject send(String topic, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("cannot reach " + server + " for the reports of " + topic + ": "
                    + secret.redact(String.valueOf(e.getMessage())));
        }
        int status = response.statusCode();
        if (status == 403) {
            throw new IOException(server + " refused the secret key (FAST_CI_SECRET_KEY) for the reports of " + topic);
        }
        String reason = reason(response.body());
        if (status == 404) {
            throw new IOException(server + " knows no run " + topic + (reason == null ? "" : " (" + reason + ")")
                    + ": check fastCi.runKey and the build id, and that the run ended less than an hour ago");
        }
        if (status != 200) {
            throw new IOException(server + " answered HTTP " + status + " for the reports of " + topic
                    + (reason == null ? "" : ": " + reason));
        }
        try {
            return Json.parse(response.body()).asJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(server + " answered the reports of " + topic + " with no JSON object");
        }
    }

    private static String reason(String body) {
        try {
            return Json.parse(body).asJsonObject().get("reason") instanceof JsonString s ? s.getString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
