package ci.fast.maven.report;

import java.util.Objects;

/**
 * One test.
 *
 * <p>{@code failureType}, {@code failureMessage} and {@code stackTrace} are null unless the status is
 * {@link Status#FAILED} or {@link Status#ERROR} (each may still be null then); {@code skipReason} may be
 * null. {@code name} is the report name, e.g. {@code "adds"} or {@code "add(int)[1]"}; {@code className}
 * is the (possibly nested) class the test belongs to, written as the XML {@code classname} attribute.
 *
 * @param name           the test's report name, never null
 * @param className      the binary name of the class declaring the test, never null
 * @param status         the outcome, never null
 * @param seconds        wall time of the test
 * @param failureType    the exception's class name, e.g. {@code org.opentest4j.AssertionFailedError}
 * @param failureMessage the exception's message, possibly several lines
 * @param stackTrace     the exception's printed stack trace
 * @param skipReason     why the test was skipped
 */
public record TestResult(
        String name,
        String className,
        Status status,
        double seconds,
        String failureType,
        String failureMessage,
        String stackTrace,
        String skipReason) {

    public TestResult {
        Objects.requireNonNull(name, "TestResult.name must not be null");
        Objects.requireNonNull(className, "TestResult.className must not be null");
        Objects.requireNonNull(status, "TestResult.status must not be null");
    }

    /** True for {@link Status#FAILED} and {@link Status#ERROR}: the tests that fail a build. */
    public boolean isProblem() {
        return status == Status.FAILED || status == Status.ERROR;
    }
}
