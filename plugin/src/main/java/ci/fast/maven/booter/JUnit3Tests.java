package ci.fast.maven.booter;

import java.util.List;
import junit.framework.TestResult;
import junit.framework.TestSuite;

/**
 * Runs a batch of JUnit 3 classes with the project's own junit 3.8 jar, as Surefire's JUnit 3 provider runs them: each
 * class's {@code suite()}, else a {@code TestSuite} of its test methods, through junit.framework; a class queued by
 * its name that is no JUnit 3 test as a POJO test ({@link JUnit3Plan}, {@link JUnit3Run}). What it tells the batch's
 * {@link BatchListener} is what that provider reports, so the reports and the console are its own.
 *
 * <p>Compiled against junit.framework (the API JUnit 3.8 and JUnit 4 share) and loaded only where the fork runs a
 * project's own JUnit 3 ({@link TestRunOptions#ownJUnit3()}): there is no JUnit 4 and no engine on its class path, so
 * every batch runs here.
 */
final class JUnit3Tests {
    private final JUnit3Plan plan;

    private JUnit3Tests(JUnit3Plan plan) {
        this.plan = plan;
    }

    /** Loads and links what a run uses, so that the first batch does not; while the node connects. */
    static void warmUp() {
        TestResult result = new TestResult();
        new TestSuite().run(result);
        JUnit3Plan.of(List.of());
    }

    /** The batch's run. */
    static JUnit3Tests plan(List<String> batch) {
        return new JUnit3Tests(JUnit3Plan.of(batch));
    }

    /** Runs the batch's classes one after the other, telling {@code listener} what Surefire's provider reports. */
    void run(BatchListener listener) {
        var testPlan = plan.plan();
        var engine = testPlan.getTestIdentifier(plan.engine().getUniqueId());
        listener.testPlanExecutionStarted(testPlan);
        listener.executionStarted(engine);
        for (JUnit3Plan.Entry entry : plan.entries()) {
            new JUnit3Run(entry, testPlan, listener).run();
        }
        listener.executionFinished(engine, org.junit.platform.engine.TestExecutionResult.successful());
        listener.testPlanExecutionFinished(testPlan);
    }
}
