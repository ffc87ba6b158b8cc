package ci.fast.maven.server.dashboard;

import ci.fast.maven.server.Answers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The dashboard's requests on the server's port, each for the runs its viewer may see ({@link Viewers}): {@code /}
 * (the runs), {@code /runs/<topic>} (a run) and
 * {@link DashboardPages#WAIT} (held until the board changes, at most {@link #HOLD}, so that an open page shows changes
 * without polling the server hard). A held request holds no thread: its response is suspended until the change.
 */
public final class DashboardHttp {
    /** How long a wait is held before it is answered with the unchanged version, and asked again. */
    static final Duration HOLD = Duration.ofSeconds(25);

    private final Board board;
    private final Viewers viewers;

    /** A dashboard of every run, for everyone. */
    public DashboardHttp(Board board) {
        this(board, Viewers.EVERYONE);
    }

    /** A dashboard that shows each viewer the runs {@code viewers} lets them see. */
    public DashboardHttp(Board board, Viewers viewers) {
        this.board = board;
        this.viewers = viewers;
    }

    /**
     * Answers {@code request} if it is the dashboard's, a GET or HEAD whose path is one of its.
     *
     * @return false when the path is not the dashboard's, and nothing was written
     */
    public boolean serve(Request request, Response response) throws IOException {
        String path = request.getRequestURI();
        boolean page = path.equals("/") || path.equals(DashboardPages.WAIT) || path.startsWith(DashboardPages.RUNS);
        if (!page) {
            return false;
        }
        Optional<Viewers.Viewer> viewer = viewers.viewer(request);
        if (viewer.isEmpty()) {
            // The browser asks for a user (the project) and a password (its key), and sends them with each request.
            response.setHeader(
                    "WWW-Authenticate", "Basic realm=\"fast-ci: your project and its key\", charset=\"UTF-8\"");
            text(response, 401, "this server serves several projects: give your project's key as the password\n");
            return true;
        }
        Viewers.Viewer sight = viewer.get();
        if (path.equals("/")) {
            List<RunView> runs = board.runs().stream()
                    .filter(r -> sight.sees(r.topic()))
                    .map(r -> r.shownAs(sight.shown(r.topic())))
                    .toList();
            html(response, 200, DashboardPages.runs(runs, board.version()));
            return true;
        }
        if (path.startsWith(DashboardPages.RUNS) && path.length() > DashboardPages.RUNS.length()) {
            String topic;
            try {
                topic = URLDecoder.decode(path.substring(DashboardPages.RUNS.length()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) { // a '%' not followed by two hex digits: the client's mistake
                text(response, 400, "a run's path is /runs/ and its topic, percent-encoded\n");
                return true;
            }
            Optional<RunView> run = board.run(sight.inner(topic)).filter(r -> sight.sees(r.topic()));
            if (run.isPresent()) {
                html(response, 200, DashboardPages.run(run.get().shownAs(topic), board.version()));
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
        text(response, 404, "not found\n");
        return true;
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
        Answers.write(response, status, Answers.HTML, body);
    }

    private static void text(Response response, int status, String body) throws IOException {
        Answers.write(response, status, Answers.TEXT, body);
    }
}
