package ci.fast.maven.results;

import ci.fast.maven.report.RunSummary;

/** Counts each class into the run's summary: the totals and problem lines Surefire prints after "Results:". */
public final class Summary implements ResultListener {
    private final RunSummary summary = new RunSummary();

    @Override
    public void classCompleted(ClassRun run) {
        summary.add(run.result());
    }

    /** The totals so far; thread-safe. */
    public RunSummary summary() {
        return summary;
    }
}
