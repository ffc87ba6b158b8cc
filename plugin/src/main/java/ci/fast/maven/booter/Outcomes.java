package ci.fast.maven.booter;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Turns what the JUnit Platform says about one finished test into a {@link TestOutcome}, as Surefire reports it. */
final class Outcomes {
    private Outcomes() {}

    /**
     * An aborted test (an assumption that failed) is skipped with the exception's type and trace and no message, as
     * Surefire writes it; a failed one is FAILED for an assertion and ERROR for anything else.
     */
    static TestOutcome of(TestIdentifier id, TestExecutionResult result, TestPlan plan, String key, double seconds) {
        String name = TestNames.reportName(id, plan);
        String wireName = TestNames.wireName(id);
        String reportClass = TestNames.reportClass(id, plan, key);
        String display = TestNames.classDisplayName(id, plan);
        Throwable thrown = result.getThrowable().orElse(null);
        String type = thrown == null ? null : thrown.getClass().getName();
        String message = thrown == null ? null : thrown.getMessage();
        String trace = thrown == null ? null : trace(thrown);
        // Now is its end: Surefire stamps a test with its start, that much earlier, but a skipped one (an assumption
        // that failed) with when its skip is reported.
        boolean skipped = result.getStatus() == TestExecutionResult.Status.ABORTED;
        long startedAt = System.currentTimeMillis() - (skipped ? 0 : Math.round(seconds * 1000));
        TestOutcome outcome =
                switch (result.getStatus()) {
                    case SUCCESSFUL ->
                        new TestOutcome(
                                name,
                                wireName,
                                reportClass,
                                TestOutcome.PASSED,
                                seconds,
                                null,
                                null,
                                null,
                                null,
                                display);
                    case ABORTED ->
                        new TestOutcome(
                                name,
                                wireName,
                                reportClass,
                                TestOutcome.SKIPPED,
                                seconds,
                                type,
                                null,
                                trace,
                                null,
                                display);
                    case FAILED ->
                        new TestOutcome(
                                name,
                                wireName,
                                reportClass,
                                thrown instanceof AssertionError ? TestOutcome.FAILED : TestOutcome.ERROR,
                                seconds,
                                type,
                                message,
                                trace,
                                null,
                                display);
                };
        return outcome.withStartedAt(startedAt).withPhrasedName(PhrasedNames.of(id, plan, name));
    }

    static String trace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
