package ci.fast.maven.results;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.RunSummary;

/** Counts each class into the run's summary: the totals and problem lines Surefire prints after "Results:". */
public final class Summary implements ResultListener {
    private final RunSummary summary = new RunSummary();
    private final ReportLayout layout;

    /** @param layout whose reports' shape says which class a failed test is named by, as in the reports */
    public Summary(ReportLayout layout) {
        this.layout = layout;
    }

    @Override
    public void classCompleted(ClassRun run) {
        for (ClassResult report : layout.platform().reports(run.result())) {
            summary.add(report);
        }
    }

    /** The totals so far; thread-safe. */
    public RunSummary summary() {
        return summary;
    }
}
