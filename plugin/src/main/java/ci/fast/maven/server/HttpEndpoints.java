package ci.fast.maven.server;

import ci.fast.maven.server.dashboard.DashboardHttp;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The plain HTTP requests of the server's port, beside the WebSocket upgrade (which Tyrus takes before they reach
 * this): {@value #METRICS} in Prometheus' text format, {@value #HEALTHZ} for a load balancer, the runs' reports
 * ({@link RunReports}, {@code /runs/<topic>/reports}) for the holders of a key, the dashboard's pages when it has one,
 * 404 for every other path. Neither of the first two needs a key: they show counts, never a key; the dashboard shows
 * the runs its viewer may see, as its documentation says. A request whose answer fails unexpectedly gets a 500 and
 * the server's log one line naming its path and the failure, never its query or headers, where keys travel.
 */
final class HttpEndpoints extends HttpHandler {
    static final String METRICS = "/metrics";
    static final String HEALTHZ = "/healthz";

    private final PrometheusRegistry registry;
    /** True once the server drains: {@value #HEALTHZ} then answers 503, so a load balancer sends no new nodes. */
    private final BooleanSupplier draining;
    /** The runs' reports; null for a handler that keeps none (a test's stand-in): their paths are then a 404. */
    private final RunReports reports;

    /** The dashboard's pages; null for a server without one. */
    private final DashboardHttp dashboard;

    /** The server's log: one line per request whose answer failed. */
    private final Consumer<String> log;

    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    HttpEndpoints(
            PrometheusRegistry registry,
            BooleanSupplier draining,
            RunReports reports,
            DashboardHttp dashboard,
            Consumer<String> log) {
        this.registry = registry;
        this.draining = draining;
        this.reports = reports;
        this.dashboard = dashboard;
        this.log = log;
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        try {
            answer(request, response);
        } catch (RuntimeException | LinkageError e) {
            // A linkage error too: a class missing from a jar, which Grizzly would answer with no answer at all.
            failed(request, response, e);
        }
    }

    /**
     * Says in the log which request failed and why, and answers 500 unless part of an answer went out already (the
     * client then sees it cut short). An {@link IOException} is no failure of ours: the client went away.
     */
    private void failed(Request request, Response response, Throwable e) throws IOException {
        String why = String.valueOf(e).lines().findFirst().orElse("");
        log.accept("fast-ci failed to answer " + request.getMethod() + " " + request.getRequestURI() + ": " + why);
        if (!response.isCommitted()) {
            response.reset();
            text(response, 500, "the server failed to answer this request; its log says why\n");
        }
    }

    private void answer(Request request, Response response) throws IOException {
        // An Upgrade header that reaches here is no WebSocket's (Tyrus took those): such as the h2c that Java's
        // HttpClient offers. Grizzly would answer it as an upgraded stream, without headers or framing; the answer is
        // plain HTTP/1.1, which such a client takes as the refusal of its upgrade.
        request.getRequest().getUpgradeDC().recycle();
        request.getRequest().setIgnoreContentModifiers(false);
        String path = request.getRequestURI();
        if (reports != null && RunReports.handles(path)) {
            reports.service(request, response);
            return;
        }
        Method method = request.getMethod();
        boolean read = Method.GET.equals(method) || Method.HEAD.equals(method);
        if (!path.equals(METRICS) && !path.equals(HEALTHZ)) {
            if (!(read && dashboard != null && dashboard.serve(request, response))) {
                text(response, 404, "not found\n");
            }
            return;
        }
        if (!read) {
            response.setHeader("Allow", "GET, HEAD");
            text(response, 405, "method not allowed\n");
            return;
        }
        if (path.equals(HEALTHZ)) {
            boolean drain = draining.getAsBoolean();
            text(response, drain ? 503 : 200, drain ? "draining\n" : "ok\n");
            return;
        }
        response.setStatus(200);
        response.setContentType(writer.getContentType());
        try (OutputStream out = response.getOutputStream()) {
            writer.write(out, registry.scrape());
        }
    }

    static void text(Response response, int status, String body) throws IOException {
        Answers.write(response, status, Answers.TEXT, body);
    }
}
