package ci.fast.maven.run;

import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.timeline.GitHubSummary;
import ci.fast.maven.report.timeline.TimelineFile;
import ci.fast.maven.results.OutputFiles;
import ci.fast.maven.results.Progress;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.results.TextReports;
import ci.fast.maven.results.XmlReports;
import java.net.URI;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run does with its class results, as Surefire does with its options: the listeners a run's sink is given, in
 * the order they are called. A new output of the run is one listener file and one line here.
 */
final class Reporting {
    private Reporting() {}

    /** A sink on the system clock for {@code plan}: its reports, its console lines and fast-ci's own outputs. */
    static ResultSink sink(RunPlan plan, RunLog log) {
        return sink(plan, log, null, List.of());
    }

    /**
     * {@link #sink(RunPlan, RunLog)} with {@code more} listeners after the plan's own, and the timeline linking to
     * {@code serverPage}, the whole run's page on our server's dashboard, if not null.
     */
    static ResultSink sink(RunPlan plan, RunLog log, URI serverPage, List<ResultListener> more) {
        InstantSource clock = InstantSource.system();
        List<ResultListener> listeners = new ArrayList<>(listeners(plan, log, clock, serverPage));
        listeners.addAll(more);
        return new ResultSink(
                clock, log, plan.reports().trimStackTrace(), plan.reports().layout(), listeners);
    }

    /** A sink on the system clock that writes the reports into {@code reportsDirectory} and shows the lines on {@code log}. */
    static ResultSink sink(Path reportsDirectory, ReportOptions options, RunLog log) {
        return new ResultSink(
                InstantSource.system(),
                log,
                options.trimStackTrace(),
                options.layout(),
                listeners(reportsDirectory, options, log));
    }

    /**
     * Surefire's listeners, then the timeline when the plan asks for one (it writes its page when the run finishes,
     * after every report is on disk), GitHub's job summary and workflow commands when on GitHub Actions, then the
     * progress line's counts.
     *
     * @param clock the sink's, which stamps the classes the timeline lays out
     */
    static List<ResultListener> listeners(RunPlan plan, RunLog log, InstantSource clock) {
        return listeners(plan, log, clock, null);
    }

    private static List<ResultListener> listeners(RunPlan plan, RunLog log, InstantSource clock, URI serverPage) {
        ReportOptions options = plan.reports();
        List<ResultListener> listeners = new ArrayList<>(listeners(plan.reportsDirectory(), options, log));
        if (options.timelineFile() != null) {
            listeners.add(new TimelineFile(
                    options.timelineFile(), plan.runKey(), plan.forkCount(), clock, log::warn, serverPage));
        }
        if (options.gitHubSummary() != null) {
            listeners.add(new GitHubSummary(
                    options.gitHubSummary(),
                    plan.runKey(),
                    plan.forkCount(),
                    options.testSources(),
                    Path.of("").toAbsolutePath(),
                    clock,
                    // Raw, at the start of a line: GitHub reads a workflow command only there.
                    command -> log.output(command + "\n", false),
                    log::warn));
        }
        if (options.progress()) {
            listeners.add(new Progress(
                    plan.classes().size(),
                    plan.inProcess() != null ? 0 : plan.forkCount(),
                    clock,
                    Scheduler.daemon("fast-ci-progress"),
                    log::info));
        }
        return List.copyOf(listeners);
    }

    /**
     * The XML and text reports, then the output files when the output is redirected, then the console lines: the
     * order Surefire writes them in, so a report is on disk before its line is shown. A reporter of Surefire's that the
     * options disable writes nothing.
     */
    static List<ResultListener> listeners(Path reportsDirectory, ReportOptions options, RunLog log) {
        List<ResultListener> listeners = new ArrayList<>();
        if (options.xmlReports()) {
            listeners.add(new XmlReports(reportsDirectory, options.xmlSchema(), options.layout()));
        }
        if (options.textReports() && options.testsetInfo()) {
            listeners.add(new TextReports(reportsDirectory, options.layout()));
        }
        if (options.redirectTestOutputToFile() && options.testOutput()) {
            listeners.add(new OutputFiles(reportsDirectory, options.layout()));
        }
        // Surefire's statelessTestsetInfoReporter writes the class lines; its consoleOutputReporter the output.
        boolean showOutput = !options.redirectTestOutputToFile() && options.testOutput();
        if (options.testsetInfo() || showOutput) {
            listeners.add(new ConsoleLines(log, showOutput, options.testsetInfo(), options.layout()));
        }
        return List.copyOf(listeners);
    }
}
