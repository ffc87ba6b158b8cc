package ci.fast.maven.server.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The dashboard's requests on the server's port: {@code /} (the runs), {@code /runs/<topic>} (a run) and
 * {@link DashboardPages#WAIT} (held until the board changes, at most {@link #HOLD}, so that an open page shows changes
 * without polling the server hard). A held request holds no thread: its response is suspended until the change.
 */
public final class DashboardHttp {
    /** How long a wait is held before it is answered with the unchanged version, and asked again. */
    static final Duration HOLD = Duration.ofSeconds(25);

    private final Board board;

    public DashboardHttp(Board board) {
        this.board = board;
    }

    /**
     * Answers {@code request} if it is the dashboard's, a GET or HEAD whose path is one of its.
     *
     * @return false when the path is not the dashboard's, and nothing was written
     */
    public boolean serve(Request request, Response response) throws IOException {
        String path = request.getRequestURI();
        if (path.equals("/")) {
            html(response, 200, DashboardPages.runs(board.runs(), board.version()));
            return true;
        }
        if (path.startsWith(DashboardPages.RUNS) && path.length() > DashboardPages.RUNS.length()) {
            String topic = URLDecoder.decode(path.substring(DashboardPages.RUNS.length()), StandardCharsets.UTF_8);
            Optional<RunView> run = board.run(topic);
            if (run.isPresent()) {
                html(response, 200, DashboardPages.run(run.get(), board.version()));
            } else {
                html(response, 404, DashboardPages.missing(topic));
            }
            return true;
        }
        if (path.equals(DashboardPages.WAIT)) {
            long since = since(request.getParameter("since"));
            if (since < 0) {
                text(response, 400, "since must be a version, a number from 0\n");
                return true;
            }
            hold(response, since);
            return true;
        }
        return false;
    }

    private void hold(Response response, long since) {
        CompletableFuture<Long> change = board.changedAfter(since);
        if (change.isDone()) {
            answer(response, change.join());
            return;
        }
        // The backstop only: the wait below always answers first.
        response.suspend(HOLD.toSeconds() * 2, TimeUnit.SECONDS);
        change.completeOnTimeout(since, HOLD.toMillis(), TimeUnit.MILLISECONDS).whenComplete((version, failure) -> {
            board.cancel(change);
            try {
                answer(response, version == null ? since : version);
            } finally {
                response.resume();
            }
        });
    }

    private static void answer(Response response, long version) {
        try {
            text(response, 200, version + "\n");
        } catch (IOException e) {
            // The page went away meanwhile: nothing waits for this answer, and the server has nothing to say of it.
        }
    }

    private static long since(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void html(Response response, int status, String body) throws IOException {
        write(response, status, "text/html; charset=utf-8", body);
    }

    private static void text(Response response, int status, String body) throws IOException {
        write(response, status, "text/plain; charset=utf-8", body);
    }

    private static void write(Response response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
