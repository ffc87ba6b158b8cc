package ci.fast.maven.report.timeline;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps every class as it completes and, when the run finishes, writes the timeline page and, beside it, the
 * {@link LastRun} record {@code fast-ci:report} draws the page again from ({@link LastRun#beside}). The run starts when
 * this listener is made, which is when the sink is, before the first fork: the wall time counts the forks' start-up.
 * It comes after the report writers, so the record is never older than the reports of its own run ({@code
 * fast-ci:report} takes a report newer than the record for another run's).
 */
public final class TimelineFile implements ResultListener {
    private final Path file;
    private final String title;
    private final int forks;
    private final InstantSource clock;
    private final Consumer<String> warn;
    private final Instant start;
    /** Every class so far, a split one whole; the sink calls one event at a time, and nothing else reads it. */
    private final List<ClassRun> runs = new ArrayList<>();
    /** Each class's (and part's) tests in the page's data, made as it completed. */
    private final Map<ClassResult, String> tests = new IdentityHashMap<>();
    /** The whole run's page on our server's dashboard, for a node of a remote run; null for none. */
    private final URI serverPage;
    /** The forks' outages they came back from. */
    private int reconnects;

    /**
     * @param file where the page goes; its directory is made
     * @param title the run's name on the page, such as its run key
     * @param forks how many forks the run planned
     * @param clock the sink's clock, which stamped the classes
     * @param warn takes the one line saying the page could not be written; the run goes on without it
     */
    public TimelineFile(Path file, String title, int forks, InstantSource clock, Consumer<String> warn) {
        this(file, title, forks, clock, warn, null);
    }

    /** As the other constructor, the page linking to {@code serverPage}, the whole run's page on our server. */
    public TimelineFile(
            Path file, String title, int forks, InstantSource clock, Consumer<String> warn, URI serverPage) {
        this.serverPage = serverPage;
        this.file = file;
        this.title = title;
        this.forks = forks;
        this.clock = clock;
        this.warn = warn;
        this.start = clock.instant();
    }

    @Override
    public void reconnected(int fork) {
        reconnects++;
    }

    @Override
    public void classCompleted(ClassRun run) {
        runs.add(run);
        // The page's part of each class now, while the forks run, rather than all at the run's end.
        tests.put(run.result(), TimelinePage.tests(run.result()));
        run.parts().forEach(part -> tests.put(part.result(), TimelinePage.tests(part.result())));
    }

    @Override
    public void runFinished(RunSummary summary) {
        TimelinePage.Extras extras = serverPage == null
                ? TimelinePage.Extras.NONE
                : new TimelinePage.Extras(
                        "fork",
                        "<p id=\"server-run\">This machine's forks; <a href=\""
                                + Escape.html(serverPage.toString())
                                + "\">the whole run, every node, on the server</a>.</p>\n",
                        "",
                        "");
        Instant end = clock.instant();
        // A class split by method is a bar per part, on the fork that ran it.
        List<ClassRun> bars = new ArrayList<>();
        runs.forEach(run -> bars.addAll(run.parts().isEmpty() ? List.of(run) : run.parts()));
        String page = TimelinePage.render(
                Schedule.of(bars, forks, reconnects, start, end),
                title,
                extras,
                r -> tests.computeIfAbsent(r, TimelinePage::tests));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            warn.accept(
                    "fast-ci cannot write the timeline " + file + ": " + e + "; the reports are complete without it");
        }
        Map<String, LastRun.Placed> classes = new LinkedHashMap<>();
        runs.forEach(run -> classes.put(run.className(), new LastRun.Placed(run.fork(), run.start(), run.end())));
        Path record = LastRun.beside(file);
        try {
            new LastRun(title, forks, reconnects, start, end, classes).write(record);
        } catch (IOException e) {
            warn.accept("fast-ci cannot write its record of the run " + record + ": " + e
                    + "; fast-ci:report will lay the classes out without their real times");
        }
    }
}
