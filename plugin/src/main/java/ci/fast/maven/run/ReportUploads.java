package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.XmlReportWriter;
import ci.fast.maven.report.timeline.Outcome;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.server.Report;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the report of each class this machine's forks ran, as its {@code TEST-*.xml} says it, for our server's merged
 * reports (docs/server-protocol.md, "Merged reports"). A class no fork ran, or whose fork died in it, is left out:
 * the server hands it to another node, whose report is the one to keep. A class split by method
 * ({@code fastCi.splitClasses}) is kept part by part, under each part's key as the run enqueued it, each the class's
 * report of that part's tests: other machines may have run its other parts, and {@code fast-ci:report} puts them
 * together. Thread-safe.
 */
final class ReportUploads implements ResultListener {
    private final XmlReportWriter writer;
    /** Guarded by {@code this}: the run reads them from its own thread once the sink is done. */
    private final List<Report> reports = new ArrayList<>();

    ReportUploads(ReportOptions options) {
        this.writer = new XmlReportWriter(options.xmlSchema(), options.layout());
    }

    @Override
    public synchronized void classCompleted(ClassRun run) {
        if (run.parts().isEmpty()) {
            keep(run.className(), run);
        }
    }

    @Override
    public synchronized void partCompleted(ClassRun part) {
        String key = part.className();
        // The class's report of this part alone, as its whole would be written: named by the class, not the key.
        // Even one that ran nothing, so that fast-ci:report does not name the part as missing.
        keep(key, SplitParts.merge(SplitKey.className(key), List.of(part)));
    }

    private void keep(String key, ClassRun run) {
        if (run.fork() == ClassRun.NO_FORK || Outcome.of(run.result()) == Outcome.CRASHED) {
            return;
        }
        for (ClassResult report : writer.reports(run.result())) {
            reports.add(new Report(key, writer.fileName(report), writer.xml(report, run.start())));
        }
    }

    synchronized List<Report> reports() {
        return List.copyOf(reports);
    }
}
