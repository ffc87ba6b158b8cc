package ci.fast.maven.run;

import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkExit;
import ci.fast.maven.fork.ForkResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports the classes that did not run because the run reached {@code skipAfterFailureCount} as Surefire reports them:
 * each of their tests skipped, with the JUnit Platform's reason for the tests of a cancelled run. Their tests are known
 * only to the Platform, so one fork discovers them and reports them, running none.
 */
final class SkippedClasses {
    private SkippedClasses() {}

    /**
     * Reports {@code keys} skipped through {@code sink}, in a fork numbered 1.
     *
     * @return the line naming what could not be reported when that fork failed; empty when it did not
     */
    static List<String> report(
            List<String> keys, RunPlan plan, ForkSettings template, Secret secret, ResultSink sink, RunLog log)
            throws IOException, InterruptedException {
        log.info("fast-ci: skipAfterFailureCount=" + plan.tests().skipAfterFailureCount() + " reached: " + keys.size()
                + (keys.size() == 1 ? " class" : " classes") + " not run, reported skipped");
        ForkSettings skipping = template.skipping(keys, TestRunOptions.SKIPPED_AFTER_FAILURES);
        ForkResult fork = Fleet.runNode(1, plan, secret, sink, log, skipping, null);
        List<String> problems = new ArrayList<>();
        if (!(fork.exit() instanceof ForkExit.Completed)) {
            problems.add(Fleet.problem(fork) + "; the classes skipped after the failures have no report");
        }
        return problems;
    }
}
