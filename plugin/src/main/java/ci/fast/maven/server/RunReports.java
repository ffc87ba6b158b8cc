package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The HTTP requests for a run's reports, {@code /runs/<topic>/reports} with the topic URL-encoded (docs/server-protocol.md,
 * "Merged reports"): {@code POST} hands over a node's reports, {@code GET} answers the whole run's. The secret key
 * comes in the {@value Events#KEY_HEADER} header, never in the URL, which proxies and access logs keep; a missing or wrong
 * key is a 403, as at the upgrade.
 */
final class RunReports {
    static final String PREFIX = "/runs/";
    static final String SUFFIX = "/reports";
    private final ProjectKeys keys;
    private final ReportArchive archive;
    /** The largest body taken, the server's {@code fastCi.maxFrameBytes}: a node sends its reports in parts below it. */
    private final int maxBodyBytes;
    /** The server's log: one line per body refused for its size. */
    private final Consumer<String> log;

    /**
     * @param keys the server's keys: a key of a keys file reaches its own project's runs only
     * @param maxBodyBytes the largest POST body taken; a larger one is answered 413, and nothing of it kept
     */
    RunReports(ProjectKeys keys, ReportArchive archive, int maxBodyBytes, Consumer<String> log) {
        this.keys = keys;
        this.archive = archive;
        this.maxBodyBytes = maxBodyBytes;
        this.log = log;
    }

    /** Whether {@code path} is a run's reports'. */
    static boolean handles(String path) {
        return path.startsWith(PREFIX) && path.endsWith(SUFFIX) && path.length() > PREFIX.length() + SUFFIX.length();
    }

    void service(Request request, Response response) throws IOException {
        String path = request.getRequestURI();
        if (!path.endsWith(SUFFIX) || path.length() <= PREFIX.length() + SUFFIX.length()) {
            HttpEndpoints.text(response, 404, "not found\n");
            return;
        }
        Optional<String> project = keys.project(request.getHeader(Events.KEY_HEADER));
        if (project.isEmpty()) {
            // The body of a refused POST stays unread: the connection cannot carry another request after it.
            response.setHeader("Connection", "close");
            HttpEndpoints.text(response, 403, "forbidden\n");
            return;
        }
        // The run as the server names it: within the key's project, as its nodes' frames are.
        String topic = new ProjectScope(project.get())
                .inner(URLDecoder.decode(
                        path.substring(PREFIX.length(), path.length() - SUFFIX.length()), StandardCharsets.UTF_8));
        Method method = request.getMethod();
        if (Method.GET.equals(method)) {
            get(topic, response);
        } else if (Method.POST.equals(method)) {
            post(topic, request, response);
        } else {
            response.setHeader("Allow", "GET, POST");
            HttpEndpoints.text(response, 405, "method not allowed\n");
        }
    }

    private void get(String topic, Response response) throws IOException {
        Optional<ReportArchive.Archived> run = archive.reports(topic);
        if (run.isEmpty()) {
            json(response, 404, reason("unknown run"));
            return;
        }
        ReportArchive.Archived a = run.get();
        var classes = Json.PROVIDER.createArrayBuilder();
        a.classes().forEach(classes::add);
        json(
                response,
                200,
                Json.PROVIDER
                        .createObjectBuilder()
                        .add("finished", a.finished())
                        .add("classes", classes)
                        .add("reports", Report.json(a.reports()))
                        .build());
    }

    private void post(String topic, Request request, Response response) throws IOException {
        long length = request.getContentLengthLong();
        byte[] body = new byte[0];
        if (length <= maxBodyBytes) {
            try (InputStream in = request.getInputStream()) {
                // Up to the declared length, not to the end of the stream: an HTTP/2 upgrade offer (Java's client
                // makes one) leaves Grizzly's stream open past the body. With no length, one byte over the limit
                // tells a body too large, and no more of it is read.
                body = in.readNBytes(length < 0 ? maxBodyBytes + 1 : (int) length);
            }
        }
        if (length > maxBodyBytes || body.length > maxBodyBytes) {
            log.accept("refused the reports of " + topic + " from " + request.getRemoteAddr() + ": "
                    + (length > maxBodyBytes ? length + " bytes" : "a body") + " over " + maxBodyBytes
                    + " bytes (fastCi.maxFrameBytes)");
            // The rest of the body stays unread: the connection cannot carry another request after it.
            response.setHeader("Connection", "close");
            json(response, 413, reason("more than " + maxBodyBytes + " bytes: send the reports in parts"));
            return;
        }
        List<Report> reports;
        try {
            JsonObject payload =
                    Json.parse(new String(body, StandardCharsets.UTF_8)).asJsonObject();
            reports = Report.parse(payload.get("reports"));
        } catch (RuntimeException e) {
            json(response, 400, reason("not a reports payload: " + e.getMessage()));
            return;
        }
        int kept = archive.add(topic, reports);
        if (kept < 0) {
            json(response, 404, reason("unknown run"));
            return;
        }
        json(
                response,
                200,
                Json.PROVIDER.createObjectBuilder().add("kept", kept).build());
    }

    private static JsonObject reason(String reason) {
        return Json.PROVIDER.createObjectBuilder().add("reason", reason).build();
    }

    private static void json(Response response, int status, JsonObject body) throws IOException {
        Answers.write(response, status, Answers.JSON, body.toString());
    }
}
