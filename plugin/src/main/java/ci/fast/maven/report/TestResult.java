package ci.fast.maven.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One test, with its reruns when {@code rerunFailingTestsCount} reran it.
 *
 * <p>{@code failureType}, {@code failureMessage} and {@code stackTrace} are null unless the status is
 * {@link Status#FAILED} or {@link Status#ERROR}, or a {@link Status#SKIPPED} test whose assumption failed
 * (each may still be null then); {@code skipReason} may be null. {@code name} is the report name, e.g. {@code "adds"} or {@code "add(int)[1]"}; {@code className}
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
 * @param reruns         the runs after the first, in order; a passing one ends them (the test is flaky)
 * @param classDisplayName the class's {@code @DisplayName}, written as the XML classname as Surefire does, or null
 * @param stdout         what this run printed on System.out, as Surefire counts it: from the end of the test (or
 *                       class) before it to its own end; never null, may be empty
 * @param stderr         the same of System.err
 * @param startedAt      when the run started, in milliseconds since the epoch by the fork's clock; 0 when unknown
 * @param phrasedName    the test's display text as Surefire's JUnit Platform provider gives it, the XML's testcase name
 *                       with {@code usePhrasedTestCaseMethodName}; null when it is {@code name}
 * @param problemLine    the run summary's line of this failed test as the fork worded it (Surefire's JUnit 3
 *                       provider's {@code com.acme.FooTest#testIt message}); null for {@link ProblemLine}'s, from the trace
 */
public record TestResult(
        String name,
        String className,
        Status status,
        double seconds,
        String failureType,
        String failureMessage,
        String stackTrace,
        String skipReason,
        List<TestResult> reruns,
        String classDisplayName,
        String stdout,
        String stderr,
        long startedAt,
        String phrasedName,
        String problemLine) {

    public TestResult {
        Objects.requireNonNull(name, "TestResult.name must not be null");
        Objects.requireNonNull(className, "TestResult.className must not be null");
        Objects.requireNonNull(status, "TestResult.status must not be null");
        reruns = reruns == null ? List.of() : List.copyOf(reruns);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    /**
     * A test named {@code name} of {@code className} with {@code status}, to be given the rest; the only way to make
     * one but the canonical constructor, so that no shorter constructor can leave a field behind.
     */
    public static Builder builder(String name, String className, Status status) {
        return new Builder(name, className, status);
    }

    /** A builder holding every field of this test, to change some. */
    public Builder toBuilder() {
        return new Builder(name, className, status)
                .seconds(seconds)
                .failure(failureType, failureMessage, stackTrace)
                .skipReason(skipReason)
                .reruns(reruns)
                .classDisplayName(classDisplayName)
                .output(stdout, stderr)
                .startedAt(startedAt)
                .phrasedName(phrasedName)
                .problemLine(problemLine);
    }

    /** The name the XML's testcase has with {@code usePhrasedTestCaseMethodName}. */
    public String phrasedOrName() {
        return phrasedName != null ? phrasedName : name;
    }

    /** The XML report's classname: the display name if the class has one, else the class's name. */
    public String reportClassName() {
        return classDisplayName != null ? classDisplayName : className;
    }

    /** This test with one more run appended. */
    public TestResult withRerun(TestResult rerun) {
        List<TestResult> all = new ArrayList<>(reruns);
        all.add(rerun);
        return toBuilder().reruns(all).build();
    }

    /** This run with what it printed. */
    public TestResult withOutput(String stdout, String stderr) {
        return toBuilder().output(stdout, stderr).build();
    }

    /** This test with another stack trace, its reruns' traces mapped the same way. */
    public TestResult withStackTraces(UnaryOperator<String> map) {
        return toBuilder()
                .failure(failureType, failureMessage, stackTrace == null ? null : map.apply(stackTrace))
                .reruns(reruns.stream().map(r -> r.withStackTraces(map)).toList())
                .build();
    }

    /** Failed at first, then passed on a rerun: counted as passed, and as a flake. */
    public boolean isFlaky() {
        return isFailure(status) && reruns.stream().anyMatch(r -> r.status() == Status.PASSED);
    }

    /** The status that counts: {@link Status#PASSED} for a flaky test, else the first run's. */
    public Status outcome() {
        return isFlaky() ? Status.PASSED : status;
    }

    /** True for {@link Status#FAILED} and {@link Status#ERROR} outcomes: the tests that fail a build. */
    public boolean isProblem() {
        return isFailure(outcome());
    }

    private static boolean isFailure(Status status) {
        return status == Status.FAILED || status == Status.ERROR;
    }

    /**
     * Builds a {@link TestResult}; what is not set is empty: no time, no failure, no skip reason, no reruns, no display
     * name, nothing printed, no start known. Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final String className;
        private final Status status;
        private double seconds;
        private String failureType;
        private String failureMessage;
        private String stackTrace;
        private String skipReason;
        private List<TestResult> reruns = List.of();
        private String classDisplayName;
        private String stdout = "";
        private String stderr = "";
        private long startedAt;
        private String phrasedName;
        private String problemLine;

        private Builder(String name, String className, Status status) {
            this.name = name;
            this.className = className;
            this.status = status;
        }

        public Builder seconds(double seconds) {
            this.seconds = seconds;
            return this;
        }

        /** The exception's class name, message and printed stack trace; each may be null. */
        public Builder failure(String type, String message, String stackTrace) {
            this.failureType = type;
            this.failureMessage = message;
            this.stackTrace = stackTrace;
            return this;
        }

        public Builder skipReason(String skipReason) {
            this.skipReason = skipReason;
            return this;
        }

        public Builder reruns(List<TestResult> reruns) {
            this.reruns = reruns;
            return this;
        }

        public Builder classDisplayName(String classDisplayName) {
            this.classDisplayName = classDisplayName;
            return this;
        }

        /** What the run printed on System.out and System.err. */
        public Builder output(String stdout, String stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
            return this;
        }

        /** When the run started, in milliseconds since the epoch; 0 when unknown. */
        public Builder startedAt(long startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /** The display text Surefire's provider gives the test; null when it is the name. */
        public Builder phrasedName(String phrasedName) {
            this.phrasedName = phrasedName;
            return this;
        }

        /** The summary line the fork worded; null for the one made from the trace. */
        public Builder problemLine(String problemLine) {
            this.problemLine = problemLine;
            return this;
        }

        public TestResult build() {
            return new TestResult(
                    name,
                    className,
                    status,
                    seconds,
                    failureType,
                    failureMessage,
                    stackTrace,
                    skipReason,
                    reruns,
                    classDisplayName,
                    stdout,
                    stderr,
                    startedAt,
                    phrasedName,
                    problemLine);
        }
    }
}
