package ci.fast.maven.report.timeline;

import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;

/** What a class's bar says at a glance, and so its colour: the worst of its tests. */
public enum Outcome {
    PASSED("passed"),
    /** Every test passed in the end, some only on a rerun. */
    FLAKY("flaky"),
    /** Nothing failed, and every test was skipped. */
    SKIPPED("skipped"),
    FAILED("failed"),
    /** The fork died while it ran the class, or no fork was left to run it. */
    CRASHED("crashed");

    /** The type fork/ClassAssembler gives the error of a class whose fork died; the name Surefire uses. */
    public static final String CRASH_TYPE = "ForkedProcessCrash";

    /** The CSS class of its bar, and the word the page shows. */
    public final String word;

    Outcome(String word) {
        this.word = word;
    }

    /** The class's outcome: a crash before a failure before a flake; skipped only when every test was. */
    public static Outcome of(ClassResult result) {
        if (result.tests().stream().anyMatch(t -> CRASH_TYPE.equals(t.failureType()))) {
            return CRASHED;
        }
        if (result.hasProblems()) {
            return FAILED;
        }
        if (result.flakes() > 0) {
            return FLAKY;
        }
        boolean allSkipped = !result.tests().isEmpty()
                && result.tests().stream().map(TestResult::outcome).allMatch(s -> s == Status.SKIPPED);
        return allSkipped ? SKIPPED : PASSED;
    }
}
