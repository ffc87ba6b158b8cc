package ci.fast.maven.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One top-level test class: its tests in execution order, its wall time in seconds, and the text it
 * printed. Immutable: the list is copied.
 *
 * @param className the top-level test class, e.g. {@code com.acme.FooTest}; names the report files
 * @param tests     the tests of the class and of its nested classes, never null
 * @param seconds   wall time of the whole class
 * @param stdout    captured standard output, never null, may be empty
 * @param stderr    captured standard error, never null, may be empty
 * @param properties the test JVM's system properties when the class ended, or null if unknown
 */
public record ClassResult(
        String className,
        List<TestResult> tests,
        double seconds,
        String stdout,
        String stderr,
        Map<String, String> properties) {

    public ClassResult {
        Objects.requireNonNull(className, "ClassResult.className must not be null");
        Objects.requireNonNull(tests, () -> "ClassResult.tests of " + className + " must not be null");
        Objects.requireNonNull(stdout, () -> "ClassResult.stdout of " + className + " must not be null (use \"\")");
        Objects.requireNonNull(stderr, () -> "ClassResult.stderr of " + className + " must not be null (use \"\")");
        // List.copyOf would throw too, but without saying where the null was; a loop, because
        // contains(null) itself throws on the JDK's immutable lists.
        for (int i = 0; i < tests.size(); i++) {
            if (tests.get(i) == null) {
                throw new NullPointerException("ClassResult.tests of " + className + " has null at index " + i);
            }
        }
        tests = List.copyOf(tests);
        properties = properties == null ? null : Map.copyOf(properties);
    }

    /** A class whose test JVM's system properties are unknown. */
    public ClassResult(String className, List<TestResult> tests, double seconds, String stdout, String stderr) {
        this(className, tests, seconds, stdout, stderr, null);
    }

    /** Number of tests, skipped ones included, as Surefire counts "Tests run". */
    public int run() {
        return tests.size();
    }

    public int failures() {
        return count(Status.FAILED);
    }

    public int errors() {
        return count(Status.ERROR);
    }

    public int skipped() {
        return count(Status.SKIPPED);
    }

    /** Tests that failed and then passed on a rerun; they count as passed. */
    public int flakes() {
        return (int) tests.stream().filter(TestResult::isFlaky).count();
    }

    /** True if any test failed or errored; skipped tests are not problems. */
    public boolean hasProblems() {
        return failures() + errors() > 0;
    }

    private int count(Status status) {
        return (int) tests.stream().filter(t -> t.outcome() == status).count();
    }
}
