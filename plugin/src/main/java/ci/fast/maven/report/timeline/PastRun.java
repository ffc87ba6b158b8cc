package ci.fast.maven.report.timeline;

import ci.fast.maven.files.AtomicFile;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportReader;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.results.ClassRun;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The page and the summaries of a run that is over, from what it left on disk, for {@code fast-ci:report}: the classes
 * from the {@code TEST-*.xml} reports, and where and when each ran from the run's {@link LastRun} record. Without a
 * record that fits the reports (none, older than a report, or missing some of their classes, as after a plain Surefire
 * run or a merge of every node's reports) the classes are laid end to end on one lane by their reports' times, and the
 * page says so.
 *
 * @param runs every class of the reports, placed
 * @param schedule the classes laid out
 * @param note why the lanes are not where and when the classes ran; null when they are
 * @param summary the run's totals and problem lines, as the run printed them
 */
public record PastRun(List<ClassRun> runs, Schedule schedule, String note, RunSummary summary) {
    public PastRun {
        runs = List.copyOf(runs);
    }

    /**
     * Reads the run.
     *
     * @param reportsDirectory where its {@code TEST-*.xml} reports are
     * @param lastRun the record of the last run ({@link LastRun#beside}); it need not exist
     * @param warn takes one line per report or record that cannot be read
     */
    public static PastRun read(Path reportsDirectory, Path lastRun, Consumer<String> warn) {
        List<ClassResult> classes = ReportReader.read(reportsDirectory, warn);
        RunSummary summary = new RunSummary();
        classes.forEach(summary::add);
        LastRun record = null;
        String note = null;
        if (!Files.isRegularFile(lastRun)) {
            note = "No record of where and when the classes ran (" + lastRun.getFileName() + ", which fast-ci:test"
                    + " writes): they are laid end to end on one lane by their reports' times.";
        } else {
            try {
                record = LastRun.read(lastRun);
            } catch (IOException e) {
                warn.accept("fast-ci cannot read " + lastRun + ": " + e.getMessage());
                note = "The record of where and when the classes ran (" + lastRun.getFileName() + ") cannot be read:"
                        + " they are laid end to end on one lane by their reports' times.";
            }
        }
        if (record != null) {
            note = misfit(record, classes, reportsDirectory, lastRun);
        }
        if (note == null) {
            List<ClassRun> runs = new ArrayList<>();
            for (ClassResult c : classes) {
                LastRun.Placed p = record.classes().get(c.className());
                Instant end = p.end().isBefore(p.start()) ? p.start() : p.end();
                runs.add(new ClassRun(p.fork(), p.start(), end, c));
            }
            Schedule schedule = Schedule.of(runs, record.forks(), record.reconnects(), record.start(), record.end());
            return new PastRun(runs, schedule, null, summary);
        }
        // End to end from an arbitrary origin: only the lengths mean something.
        Instant at = Instant.EPOCH;
        List<ClassRun> runs = new ArrayList<>();
        for (ClassResult c : classes) {
            Instant end = at.plus(Duration.ofNanos(Math.round(Math.max(0, c.seconds()) * 1e9)));
            runs.add(new ClassRun(1, at, end, c));
            at = end;
        }
        return new PastRun(runs, Schedule.of(runs, 1, 0, Instant.EPOCH, at), note, summary);
    }

    /** Why the record is not that of the reports' run; null when it is. */
    private static String misfit(LastRun record, List<ClassResult> classes, Path reportsDirectory, Path lastRun) {
        long missing = classes.stream()
                .filter(c -> !record.classes().containsKey(c.className()))
                .count();
        String laid = ": the classes are laid end to end on one lane by their reports' times, not where and when"
                + " they ran.";
        if (missing > 0) {
            return "The record of the last run (" + lastRun.getFileName() + ") has no lane for " + missing + " of the "
                    + classes.size() + " classes the reports hold (other nodes' classes, or another run's)" + laid;
        }
        if (newestReport(reportsDirectory).compareTo(modified(lastRun)) > 0) {
            return "The reports are newer than the record of the last run (" + lastRun.getFileName()
                    + "): another run wrote them" + laid;
        }
        return null;
    }

    private static FileTime newestReport(Path reportsDirectory) {
        FileTime newest = FileTime.fromMillis(0);
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(reportsDirectory, "TEST-*.xml")) {
            for (Path report : reports) {
                FileTime t = modified(report);
                newest = t.compareTo(newest) > 0 ? t : newest;
            }
        } catch (IOException e) {
            // no reports to be newer than the record
        }
        return newest;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Writes the page, replacing the run's own atomically. */
    public void writePage(Path timelineFile, String title) throws IOException {
        AtomicFile.write(timelineFile, TimelinePage.render(schedule, title, TimelinePage.Extras.note(note)));
    }

    /** Appends the run's section to GitHub's job summary. */
    public void appendGitHubSummary(Path summaryFile, String title, Consumer<String> warn) {
        GitHubSummary.append(summaryFile, title, runs, schedule, note, warn);
    }
}
