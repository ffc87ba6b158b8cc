package ci.fast.maven.report.timeline;

import ci.fast.maven.report.RunSummary;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the {@link LastRun} record when the run finishes, after every report is on disk (the listeners before it
 * wrote them), so that the record is never older than the reports of its own run: {@code fast-ci:report} takes a
 * report newer than the record for another run's.
 */
public final class LastRunFile implements ResultListener {
    private final Path file;
    private final String title;
    private final int forks;
    private final InstantSource clock;
    private final Consumer<String> warn;
    private final Instant start;
    /** Each class so far; the sink calls one event at a time, and nothing else reads it. */
    private final Map<String, LastRun.Placed> classes = new LinkedHashMap<>();

    private int reconnects;

    /**
     * @param file where the record goes, replaced atomically
     * @param title the run's name, its run key
     * @param forks how many forks the run planned
     * @param clock the sink's clock, which stamped the classes; the run starts when this listener is made
     * @param warn takes the one line saying the record could not be written; the run goes on without it
     */
    public LastRunFile(Path file, String title, int forks, InstantSource clock, Consumer<String> warn) {
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
        classes.put(run.className(), new LastRun.Placed(run.fork(), run.start(), run.end()));
    }

    @Override
    public void runFinished(RunSummary summary) {
        try {
            new LastRun(title, forks, reconnects, start, clock.instant(), classes).write(file);
        } catch (IOException e) {
            warn.accept("fast-ci cannot write its record of the run " + file + ": " + e
                    + "; fast-ci:report will lay the classes out without their real times");
        }
    }
}
