package ci.fast.maven.report.timeline;

import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * GitHub Actions' own summaries: one {@code ::error} workflow command per failed test, at the start of its own line,
 * as the class completes; and when the run finishes, a Markdown section appended to the job summary
 * ({@code $GITHUB_STEP_SUMMARY}): the counts, the failed tests with their messages, the flaky ones, the slowest
 * classes and the makespan against the bound.
 */
public final class GitHubSummary implements ResultListener {
    /** The slowest classes the summary lists. */
    static final int SLOWEST = 10;
    /** A message is cut here in the summary and in a command: the reports hold the whole of it. */
    private static final int MESSAGE_LIMIT = 1000;

    private final Path summaryFile;
    private final String title;
    private final int forks;
    private final Path testSources;
    private final Path base;
    private final InstantSource clock;
    private final Consumer<String> console;
    private final Consumer<String> warn;
    private final Instant start;
    /** Every class so far; the sink calls one event at a time, and nothing else reads it. */
    private final List<ClassRun> runs = new ArrayList<>();
    /** The forks' outages they came back from. */
    private int reconnects;

    /**
     * @param summaryFile the job summary, appended to
     * @param title the run's name, such as its run key
     * @param forks how many forks the run planned, for the bound
     * @param testSources the test source directory, where a failure's file is looked for; null when unknown
     * @param base the directory paths are made relative to: the one the build runs in, GitHub's workspace
     * @param clock the sink's clock
     * @param console takes each workflow command as a line of its own, printed as it is (no log level before it)
     * @param warn takes the one line saying the summary could not be written
     */
    public GitHubSummary(
            Path summaryFile,
            String title,
            int forks,
            Path testSources,
            Path base,
            InstantSource clock,
            Consumer<String> console,
            Consumer<String> warn) {
        this.summaryFile = summaryFile;
        this.title = title;
        this.forks = forks;
        this.testSources = testSources;
        this.base = base;
        this.clock = clock;
        this.console = console;
        this.warn = warn;
        this.start = clock.instant();
    }

    @Override
    public void reconnected(int fork) {
        reconnects++;
    }

    @Override
    public void classCompleted(ClassRun run) {
        // A class split by method is a bar per part, on the fork that ran it.
        runs.addAll(run.parts().isEmpty() ? List.of(run) : run.parts());
        for (TestResult test : run.result().tests()) {
            if (test.isProblem()) {
                console.accept(
                        command(test, FailureSite.of(test, testSources, base).orElse(null)));
            }
        }
    }

    @Override
    public void runFinished(RunSummary summary) {
        append(markdown(Schedule.of(runs, forks, reconnects, start, clock.instant())));
    }

    /**
     * Appends the section of a run that is over, as {@code fast-ci:report} writes it from the reports: {@code runs} in
     * the order the section lists their failures, laid out as {@code schedule}.
     *
     * @param note a line said under the counts, such as that the times are not where the classes ran; null for none
     */
    public static void append(
            Path summaryFile,
            String title,
            List<ClassRun> runs,
            Schedule schedule,
            String note,
            Consumer<String> warn) {
        GitHubSummary summary = new GitHubSummary(
                summaryFile, title, schedule.forks(), null, Path.of(""), InstantSource.system(), line -> {}, warn);
        summary.runs.addAll(runs);
        String markdown = summary.markdown(schedule);
        if (note != null) {
            int cut = markdown.indexOf("\n\n", markdown.indexOf("|---:"));
            markdown = markdown.substring(0, cut + 2) + "_" + note + "_\n\n" + markdown.substring(cut + 2);
        }
        summary.append(markdown);
    }

    private void append(String markdown) {
        try {
            Files.writeString(
                    summaryFile,
                    markdown,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            warn.accept("fast-ci cannot append to GitHub's job summary " + summaryFile + ": " + e);
        }
    }

    /** {@code ::error file=…,line=…,title=…::message}, its parts escaped as GitHub's toolkit escapes them. */
    static String command(TestResult test, FailureSite site) {
        StringBuilder b = new StringBuilder("::error ");
        if (site != null) {
            b.append("file=").append(property(site.file().toString().replace('\\', '/')));
            b.append(",line=").append(site.line()).append(',');
        }
        b.append("title=").append(property(name(test)));
        return b.append("::").append(data(message(test))).toString();
    }

    String markdown(Schedule s) {
        List<TestResult> failed = new ArrayList<>();
        List<TestResult> flaky = new ArrayList<>();
        runs.forEach(run -> run.result().tests().forEach(t -> {
            if (t.isProblem()) {
                failed.add(t);
            } else if (t.isFlaky()) {
                flaky.add(t);
            }
        }));
        StringBuilder md = new StringBuilder(2048);
        md.append("### ")
                .append(failed.isEmpty() ? "\u2705" : "\u274c")
                .append(" fast-ci: ")
                .append(title);
        md.append("\n\n| Tests | Passed | Failed | Skipped | Flaky |\n|---:|---:|---:|---:|---:|\n");
        md.append(String.format(
                Locale.ROOT,
                "| %d | %d | %d | %d | %d |%n%n",
                s.tests(),
                s.tests() - s.problems() - s.skipped(),
                s.problems(),
                s.skipped(),
                s.flakes()));
        md.append(String.format(
                Locale.ROOT,
                "Makespan **%s** against a bound of %s (%.2f\u00d7) on %d %s; wall %s, class time %s, %d %s, %d %s.%n%n",
                TimelinePage.seconds(s.makespanSeconds()),
                TimelinePage.seconds(s.boundSeconds()),
                s.ratio(),
                s.forks(),
                s.forks() == 1 ? "fork" : "forks",
                TimelinePage.seconds(s.wallSeconds()),
                TimelinePage.seconds(s.classSeconds()),
                s.reconnects(),
                s.reconnects() == 1 ? "reconnect" : "reconnects",
                s.crashes(),
                s.crashes() == 1 ? "crash" : "crashes"));
        if (!failed.isEmpty()) {
            md.append("#### Failed tests\n\n");
            failed.forEach(t -> md.append("- `").append(name(t)).append("`\n").append(block(message(t))));
            md.append('\n');
        }
        if (!flaky.isEmpty()) {
            md.append("#### Flaky tests\n\n");
            flaky.forEach(t -> md.append("- `")
                    .append(name(t))
                    .append("`: passed on run ")
                    .append(t.reruns().size() + 1)
                    .append('\n'));
            md.append('\n');
        }
        md.append("#### Slowest classes\n\n| Class | Time | Fork |\n|---|---:|---:|\n");
        s.lanes().stream()
                .flatMap(lane -> lane.bars().stream())
                .sorted(Comparator.comparingDouble(Bar::seconds).reversed())
                .limit(SLOWEST)
                .forEach(bar -> md.append("| `")
                        .append(bar.className())
                        .append("` | ")
                        .append(TimelinePage.seconds(bar.seconds()))
                        .append(" | ")
                        .append(bar.run().fork())
                        .append(" |\n"));
        return md.append('\n').toString();
    }

    private static String name(TestResult t) {
        return t.name().isEmpty() || t.name().equals(t.className()) ? t.className() : t.className() + "." + t.name();
    }

    private static String message(TestResult t) {
        String type = t.failureType() == null ? "" : t.failureType();
        String message = t.failureMessage() == null ? "" : t.failureMessage();
        String text = type.isEmpty() || message.isEmpty() ? type + message : type + ": " + message;
        return text.length() > MESSAGE_LIMIT ? text.substring(0, MESSAGE_LIMIT) + "\u2026" : text;
    }

    /** A fenced block that a message holding backticks cannot close early: one backtick more than its longest run. */
    private static String block(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return "  " + fence + "\n" + text.indent(2) + "  " + fence + "\n";
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
