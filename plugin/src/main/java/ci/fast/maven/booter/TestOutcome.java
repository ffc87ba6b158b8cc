package ci.fast.maven.booter;

import java.util.HashMap;
import java.util.Map;

/**
 * One test's result as the fork reports it.
 *
 * @param name the report name, such as {@code adds} or {@code add(int)[1]}
 * @param wireName the per-test key sent to the orchestrator, such as {@code adds()}
 * @param reportClass the class the test belongs to (a nested class for {@code @Nested} tests)
 * @param status PASSED, FAILED (an assertion), ERROR (any other throwable) or SKIPPED
 * @param failureType the throwable's class name, or null
 * @param failureMessage the throwable's message, or null
 * @param stackTrace the full stack trace, or null
 * @param skipReason why it was skipped, or null
 * @param classDisplayName the test class's {@code @DisplayName}, which Surefire writes as the XML classname, or null
 * @param startedAt when the test started, in milliseconds since the epoch by the fork's clock (Surefire's
 *     {@code reportTestTimestamp}); 0 when unknown
 * @param phrasedName what Surefire's JUnit Platform provider calls the test when phrased (its display name, for
 *     {@code usePhrasedTestCaseMethodName}), or null when that is its report name
 * @param problemLine the line the run's summary gives a failed test, where the fork knows it as Surefire's provider
 *     words it (JUnit 3's {@code com.acme.FooTest#testIt message}); null for the Maven side's own, from the trace
 */
public record TestOutcome(
        String name,
        String wireName,
        String reportClass,
        String status,
        double seconds,
        String failureType,
        String failureMessage,
        String stackTrace,
        String skipReason,
        String classDisplayName,
        long startedAt,
        String phrasedName,
        String problemLine) {
    /** A test whose summary line the Maven side words. */
    public TestOutcome(
            String name,
            String wireName,
            String reportClass,
            String status,
            double seconds,
            String failureType,
            String failureMessage,
            String stackTrace,
            String skipReason,
            String classDisplayName,
            long startedAt,
            String phrasedName) {
        this(
                name,
                wireName,
                reportClass,
                status,
                seconds,
                failureType,
                failureMessage,
                stackTrace,
                skipReason,
                classDisplayName,
                startedAt,
                phrasedName,
                null);
    }

    /** A test whose start is not known. */
    public TestOutcome(
            String name,
            String wireName,
            String reportClass,
            String status,
            double seconds,
            String failureType,
            String failureMessage,
            String stackTrace,
            String skipReason,
            String classDisplayName) {
        this(
                name,
                wireName,
                reportClass,
                status,
                seconds,
                failureType,
                failureMessage,
                stackTrace,
                skipReason,
                classDisplayName,
                0,
                null);
    }

    /** A test whose class has no display name of its own. */
    public TestOutcome(
            String name,
            String wireName,
            String reportClass,
            String status,
            double seconds,
            String failureType,
            String failureMessage,
            String stackTrace,
            String skipReason) {
        this(name, wireName, reportClass, status, seconds, failureType, failureMessage, stackTrace, skipReason, null);
    }

    /** This outcome, started at {@code startedAt} milliseconds since the epoch. */
    public TestOutcome withStartedAt(long startedAt) {
        return new TestOutcome(
                name,
                wireName,
                reportClass,
                status,
                seconds,
                failureType,
                failureMessage,
                stackTrace,
                skipReason,
                classDisplayName,
                startedAt,
                phrasedName,
                problemLine);
    }

    /** This outcome, with {@code phrasedName} as its phrased name (null: its report name). */
    public TestOutcome withPhrasedName(String phrasedName) {
        return new TestOutcome(
                name,
                wireName,
                reportClass,
                status,
                seconds,
                failureType,
                failureMessage,
                stackTrace,
                skipReason,
                classDisplayName,
                startedAt,
                phrasedName,
                problemLine);
    }

    /** This outcome with another status ({@link #FAILED} or {@link #ERROR}, as the run that reported it tells). */
    public TestOutcome withStatus(String status) {
        return new TestOutcome(
                name,
                wireName,
                reportClass,
                status,
                seconds,
                failureType,
                failureMessage,
                stackTrace,
                skipReason,
                classDisplayName,
                startedAt,
                phrasedName,
                problemLine);
    }

    /** This outcome with another stack trace. */
    public TestOutcome withStackTrace(String stackTrace) {
        return new TestOutcome(
                name,
                wireName,
                reportClass,
                status,
                seconds,
                failureType,
                failureMessage,
                stackTrace,
                skipReason,
                classDisplayName,
                startedAt,
                phrasedName,
                problemLine);
    }

    /** This outcome with the summary line its run words ({@link #problemLine()}). */
    public TestOutcome withProblemLine(String problemLine) {
        return new TestOutcome(
                name,
                wireName,
                reportClass,
                status,
                seconds,
                failureType,
                failureMessage,
                stackTrace,
                skipReason,
                classDisplayName,
                startedAt,
                phrasedName,
                problemLine);
    }

    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";
    public static final String ERROR = "ERROR";
    public static final String SKIPPED = "SKIPPED";

    /**
     * The failure type of a class that could not be loaded: no test of it ran, and it is the fork's error rather
     * than a test's (Surefire's "There was an error in the forked process").
     */
    public static final String NOT_LOADED = "ci.fast.ClassNotLoaded";

    /**
     * The key a per-test entry of {@link #wire} gets, {@code true}, when the test failed at first and passed on a
     * rerun: its status is then passed.
     */
    public static final String FLAKY = "flaky";

    /** The key of the per-JVM cache its class used ({@link ContextKey}) in each per-test entry of a class that has one. */
    public static final String CONTEXT = "context";

    /** This outcome as one per-test entry of a results payload: name, status, seconds and, if any, failure. */
    public Map<String, Object> wire() {
        Map<String, Object> test = new HashMap<>();
        test.put("name", wireName);
        test.put("status", wireStatus());
        test.put("seconds", seconds);
        if (stackTrace != null) {
            test.put("failure", stackTrace);
        }
        return test;
    }

    /** The status on the wire: passed, failed or pending. */
    public String wireStatus() {
        return switch (status) {
            case PASSED -> "passed";
            case FAILED, ERROR -> "failed";
            default -> "pending";
        };
    }
}
