package ci.fast.maven.run;

import ci.fast.maven.report.RunSummary;
import java.util.List;

/**
 * How a run ended.
 *
 * @param summary every class result, totalled
 * @param problems one line per failure that is not a test's own: a node that could not run, a fork that died
 */
public record RunOutcome(RunSummary summary, List<String> problems) {
    public RunOutcome {
        problems = List.copyOf(problems);
    }

    /** Whether the build should fail (unless failures are ignored). */
    public boolean failed() {
        return summary.hasProblems() || !problems.isEmpty();
    }
}
