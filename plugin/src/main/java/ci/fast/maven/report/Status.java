package ci.fast.maven.report;

/**
 * Outcome of one test, with Surefire's meaning: {@link #FAILED} is an assertion that did not hold,
 * {@link #ERROR} is any other exception.
 */
public enum Status {
    PASSED,
    FAILED,
    ERROR,
    SKIPPED
}
