package ci.fast.maven.server.dashboard;

import ci.fast.maven.files.JarText;
import ci.fast.maven.report.timeline.Escape;
import ci.fast.maven.report.timeline.Schedule;
import ci.fast.maven.report.timeline.TimelinePage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The dashboard's pages as HTML, from the board's views: the runs, and a run's page (its timeline with one lane per
 * node, its nodes, failures, slowest classes and flaky tests). Style and script are inlined; nothing is fetched from
 * elsewhere. A page that may still change waits on {@link #WAIT} and reloads when the board's version moves past its
 * own.
 */
public final class DashboardPages {
    /** Where the run pages are: {@value}, then the percent-encoded topic. */
    public static final String RUNS = "/runs/";
    /** Answers the board's version once it is past {@code since}, or after a while the same one. */
    public static final String WAIT = "/version";

    static final int SLOWEST = 10;
    private static final int MESSAGE_LIMIT = 4000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private DashboardPages() {}

    /** The path of {@code topic}'s page. */
    public static String path(String topic) {
        return RUNS + URLEncoder.encode(topic, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The list of runs, newest first, live ones and the recent finished ones. */
    static String runs(List<RunView> runs, long version) {
        StringBuilder html = head("fast-ci server");
        html.append("<body data-version=\"")
                .append(version)
                .append("\" data-wait=\"")
                .append(WAIT)
                .append("\">\n<h1>fast-ci server <small>")
                .append(runs.stream().filter(RunView::live).count())
                .append(" live, ")
                .append(runs.size())
                .append(" runs</small></h1>\n");
        if (runs.isEmpty()) {
            html.append("<p id=\"empty\">No runs yet: nodes that set fastCi.server to this server show here.</p>\n");
        } else {
            html.append("<table id=\"runs\"><thead><tr><th>run</th><th>outcome</th><th>progress</th><th>nodes</th>"
                    + "<th>failed classes</th><th>started</th><th>time</th></tr></thead><tbody>\n");
            for (RunView run : runs) {
                row(html, run);
            }
            html.append("</tbody></table>\n");
        }
        return tail(html);
    }

    /** A run's page; it waits for changes while the run goes on. */
    static String run(RunView run, long version) {
        Schedule schedule = Schedule.of(
                run.classRuns(),
                Math.max(1, run.nodes().size()),
                run.reconnects(),
                run.started(),
                run.live() ? run.now() : run.finished());
        StringBuilder top = new StringBuilder(1024);
        top.append("<style>\n")
                .append(JarText.read(DashboardPages.class, "dashboard.css"))
                .append("</style>\n<nav><a href=\"/\">\u2190 all runs</a></nav>\n<p id=\"state\">")
                .append(badge(run))
                .append(' ')
                .append(progress(run))
                .append(" \u00b7 started ")
                .append(TIME.format(run.started()))
                .append(run.forgotten() ? " \u00b7 the server has forgotten this run" : "")
                .append("</p>\n");
        StringBuilder bottom = new StringBuilder(2048);
        nodes(bottom, run);
        failures(bottom, run);
        slowest(bottom, run);
        flaky(bottom, run);
        String page = TimelinePage.render(
                schedule,
                run.topic(),
                new TimelinePage.Extras(
                        "node", top.toString(), bottom.toString(), JarText.read(DashboardPages.class, "dashboard.js")));
        String wait = run.live() ? " data-wait=\"" + WAIT + "\"" : "";
        return page.replaceFirst(
                "<body>", "<body data-version=\"" + version + "\"" + wait + " data-outcome=\"" + run.outcome() + "\">");
    }

    /** The page of a topic the board does not have. */
    static String missing(String topic) {
        StringBuilder html = head("fast-ci server: no such run");
        html.append("<body>\n<nav><a href=\"/\">\u2190 all runs</a></nav>\n<h1>No run <small>")
                .append(Escape.html(topic))
                .append("</small></h1>\n<p>The server has no such run: it never had one of that topic, or it forgot it"
                        + " (it keeps the last finished runs, and none across a restart).</p>\n");
        return tail(html);
    }

    private static void row(StringBuilder html, RunView run) {
        html.append("<tr class=\"run\" data-topic=\"")
                .append(Escape.html(run.topic()))
                .append("\" data-outcome=\"")
                .append(run.outcome())
                .append("\"><td><a href=\"")
                .append(Escape.html(path(run.topic())))
                .append("\">")
                .append(Escape.html(run.topic()))
                .append("</a>");
        if (!run.runKey().isEmpty()) {
            html.append("<br><small>run key ").append(Escape.html(run.runKey())).append("</small>");
        }
        html.append("</td><td>")
                .append(badge(run))
                .append("</td><td>")
                .append(progress(run))
                .append("</td><td class=\"nodes\">")
                .append(run.activeNodes())
                .append(" active / ")
                .append(run.nodes().size())
                .append("</td><td class=\"failed\">")
                .append(run.failedClasses())
                .append("</td><td>")
                .append(TIME.format(run.started()))
                .append("</td><td>")
                .append(Escape.html(TimelinePage.seconds(seconds(run.elapsed()))))
                .append("</td></tr>\n");
    }

    private static String badge(RunView run) {
        return "<span class=\"badge " + run.outcome() + "\">" + run.outcome() + "</span>";
    }

    private static String progress(RunView run) {
        int done = run.done().size();
        return "<progress value=\"" + done + "\" max=\"" + Math.max(1, run.classes()) + "\"></progress>"
                + "<span class=\"count\">" + done + " / " + run.classes() + " classes</span>";
    }

    private static void nodes(StringBuilder html, RunView run) {
        html.append("<h2>Nodes</h2>\n<table id=\"nodes\"><thead><tr><th>node</th><th>state</th><th>classes</th>"
                + "<th>from</th><th>joined</th></tr></thead><tbody>\n");
        for (RunView.Node node : run.nodes()) {
            html.append("<tr><td>node ")
                    .append(node.index() + 1)
                    .append("</td><td>")
                    .append(node.state().word)
                    .append("</td><td>")
                    .append(node.classes())
                    .append("</td><td>")
                    .append(Escape.html(node.from() == null ? "" : node.from()))
                    .append("</td><td>")
                    .append(TIME.format(node.joined()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void failures(StringBuilder html, RunView run) {
        List<RunView.Failure> failures = run.failures();
        html.append("<h2>Failures <small>").append(failures.size()).append("</small></h2>\n");
        if (failures.isEmpty()) {
            html.append("<p id=\"failures\">None so far.</p>\n");
            return;
        }
        html.append("<table id=\"failures\"><tbody>\n");
        for (RunView.Failure failure : failures) {
            String message = failure.message().length() > MESSAGE_LIMIT
                    ? failure.message().substring(0, MESSAGE_LIMIT) + "\u2026"
                    : failure.message();
            html.append("<tr class=\"failure\"><td>")
                    .append(Escape.html(failure.className()))
                    .append("<br><b>")
                    .append(Escape.html(failure.test()))
                    .append("</b><pre>")
                    .append(Escape.html(message))
                    .append("</pre></td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void slowest(StringBuilder html, RunView run) {
        html.append("<h2>Slowest classes</h2>\n<table id=\"slowest\"><tbody>\n");
        for (RunView.ClassRecord record : run.slowest(SLOWEST)) {
            html.append("<tr><td>")
                    .append(Escape.html(TimelinePage.seconds(record.seconds())))
                    .append("</td><td>")
                    .append(Escape.html(record.result().key()))
                    .append("</td><td>")
                    .append(record.node() == RunView.NO_NODE ? "" : "node " + (record.node() + 1))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    private static void flaky(StringBuilder html, RunView run) {
        List<RunView.Flaky> flaky = run.flaky();
        html.append("<h2>Flaky tests <small>").append(flaky.size()).append("</small></h2>\n");
        if (flaky.isEmpty()) {
            html.append("<p id=\"flaky\">None: no test passed only on a rerun.</p>\n");
            return;
        }
        html.append("<ul id=\"flaky\">\n");
        for (RunView.Flaky test : flaky) {
            html.append("<li>")
                    .append(Escape.html(test.className()))
                    .append(": ")
                    .append(Escape.html(test.test()))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    private static StringBuilder head(String title) {
        return new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(Escape.html(title))
                .append("</title>\n<style>\n")
                .append(JarText.read(DashboardPages.class, "dashboard.css"))
                .append("</style></head>\n");
    }

    private static String tail(StringBuilder html) {
        return html.append("<script>\n")
                .append(JarText.read(DashboardPages.class, "dashboard.js"))
                .append("</script>\n</body></html>\n")
                .toString();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
