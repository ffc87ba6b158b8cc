package ci.fast.maven.run;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ConsoleFormat;
import ci.fast.maven.report.RunSummary;
import ci.fast.maven.report.TextReportWriter;
import ci.fast.maven.report.XmlReportWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
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
    private final RunSummary summary = new RunSummary();
    /** Each reported class's duration in seconds, for the timing history. Guarded by {@code this}. */
    private final Map<String, Double> durations = new HashMap<>();
    /** Classes with a result written. Guarded by {@code this}. */
    private final Set<String> reported = new HashSet<>();

    ResultSink(Path reportsDirectory, RunLog log) {
        this.reportsDirectory = reportsDirectory;
        this.log = log;
    }

    /** Called from forks' reader threads; serialized so that lines and files never interleave. */
    synchronized void accept(ClassResult result) {
        if (!reported.add(result.className())) {
            // First result wins, as on the server: a class requeued after its fork died may come back.
            log.debug("dropped a second result for " + result.className());
            return;
        }
        xml.write(result, reportsDirectory);
        text.write(result, reportsDirectory);
        summary.add(result);
        durations.put(result.className(), result.seconds());
        String line = ConsoleFormat.classLine(result);
        if (result.hasProblems()) {
            log.error(line);
            result.tests().stream().filter(t -> t.isProblem()).forEach(t -> log.error(ConsoleFormat.testLine(t)));
        } else if (result.skipped() > 0) {
            log.warn(line);
        } else {
            log.info(line);
        }
    }

    /** Whether {@code className} has a result already. */
    synchronized boolean hasReported(String className) {
        return reported.contains(className);
    }

    /** Each reported class's duration in seconds. */
    synchronized Map<String, Double> durations() {
        return Map.copyOf(durations);
    }

    RunSummary summary() {
        return summary;
    }
}
