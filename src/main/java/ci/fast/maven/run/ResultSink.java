package ci.fast.maven.run;

import ci.fast.maven.booter.TestOutcome;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ConsoleFormat;
import ci.fast.maven.report.OutputFileWriter;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TextReportWriter;
import ci.fast.maven.report.TrimmedTraces;
import ci.fast.maven.report.XmlReportWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes each class result as it completes: writes its reports, prints its line, adds it to the summary. The first
 * result of a class wins.
 */
final class ResultSink {
    private final Path reportsDirectory;
    private final RunLog log;
    private final XmlReportWriter xml = new XmlReportWriter();
    private final TextReportWriter text = new TextReportWriter();
    private final OutputFileWriter outputFile = new OutputFileWriter();
    private final ReportOptions options;
    private final RunSummary summary = new RunSummary();
    /** Each reported class's duration in seconds, for the timing history. Guarded by {@code this}. */
    private final Map<String, Double> durations = new HashMap<>();
    /** One line per class a fork could not load. Guarded by {@code this}. */
    private final List<String> notLoadedLines = new ArrayList<>();
    /** Classes with a result written. Guarded by {@code this}. */
    private final Set<String> reported = new HashSet<>();
    /** When the earliest class began (its result's arrival less its duration), by System.nanoTime. */
    private long firstStart = Long.MAX_VALUE;
    /** When the last result arrived, by System.nanoTime; 0 before the first. */
    private long lastResult;

    ResultSink(Path reportsDirectory, RunLog log) {
        this(reportsDirectory, ReportOptions.DEFAULTS, log);
    }

    ResultSink(Path reportsDirectory, ReportOptions options, RunLog log) {
        this.reportsDirectory = reportsDirectory;
        this.options = options;
        this.log = log;
    }

    /** Called from forks' reader threads; serialized so that lines and files never interleave. */
    synchronized void accept(ClassResult completed) {
        ClassResult result = options.trimStackTrace() ? TrimmedTraces.of(completed) : completed;
        if (!reported.add(result.className())) {
            // First result wins, as on the server: a class requeued after its fork died may come back.
            log.debug("dropped a second result for " + result.className());
            return;
        }
        String notLoaded = notLoaded(result);
        if (notLoaded != null) {
            // The fork's error, not a test's: as under Surefire no report, and the build fails whatever else.
            notLoadedLines.add(notLoaded);
            log.error(notLoaded);
            return;
        }
        long now = System.nanoTime();
        firstStart = Math.min(firstStart, now - (long) (result.seconds() * 1e9));
        lastResult = now;
        xml.write(result, reportsDirectory);
        text.write(result, reportsDirectory);
        summary.add(result);
        durations.put(result.className(), result.seconds());
        showOutput(result);
        // As Surefire: a line for each container, the @Nested ones first, each counting the tests finished since the
        // one before.
        for (ClassResult set : result.testSets()) {
            showLine(result.className(), set);
        }
    }

    private void showLine(String className, ClassResult set) {
        String line = ConsoleFormat.classLine(set);
        if (set.hasProblems()) {
            log.error(line);
            set.tests().stream()
                    .filter(t -> t.isProblem())
                    .forEach(t -> log.error(ConsoleFormat.testLine(className, t)));
        } else if (set.skipped() > 0) {
            log.warn(line);
        } else {
            log.info(line);
        }
    }

    /** As Surefire: the class's output on the console before its line, or in its own file. */
    private void showOutput(ClassResult result) {
        if (options.redirectTestOutputToFile()) {
            outputFile.write(result, reportsDirectory);
            return;
        }
        if (!result.stdout().isEmpty()) {
            log.output(result.stdout(), false);
        }
        if (!result.stderr().isEmpty()) {
            log.output(result.stderr(), true);
        }
    }

    /** One line per class a fork could not load (its superclass missing, say): the fork's errors, not tests'. */
    synchronized List<String> notLoaded() {
        return List.copyOf(notLoadedLines);
    }

    private static String notLoaded(ClassResult result) {
        return result.tests().stream()
                .filter(t -> TestOutcome.NOT_LOADED.equals(t.failureType()))
                .map(TestResult::failureMessage)
                .findFirst()
                .orElse(null);
    }

    /** Whether {@code className} has a result already. */
    synchronized boolean hasReported(String className) {
        return reported.contains(className);
    }

    /**
     * Seconds from the start of the earliest class to the last result: the schedule's makespan, without the forks'
     * start-up before their first class and their exit after the last; 0 before any result.
     */
    synchronized double span() {
        return lastResult == 0 ? 0 : (lastResult - firstStart) / 1e9;
    }

    /** Each reported class's duration in seconds. */
    synchronized Map<String, Double> durations() {
        return Map.copyOf(durations);
    }

    RunSummary summary() {
        return summary;
    }
}
