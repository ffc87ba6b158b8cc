package ci.fast.maven.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One top-level test class: its tests in execution order, its wall time in seconds, and the text it
 * printed. Immutable: the lists are copied.
 *
 * @param className the top-level test class, e.g. {@code com.acme.FooTest}; names the report files
 * @param tests     the tests of the class and of its nested classes, never null
 * @param seconds   wall time of the whole class
 * @param stdout    everything the class printed on standard output, never null, may be empty; each test's part is
 *                  also in its {@link TestResult#stdout()}
 * @param stderr    the same of standard error
 * @param properties the test JVM's system properties when the class ended, or null if unknown
 * @param nativeOut what reached the fork's native stdout while the class ran (native code, child processes): no test
 *                  owns it, so the XML report writes it on the suite; never null
 * @param nativeErr the same of native stderr
 * @param sets      the class's containers in the order they finished, the class itself last; empty when unknown
 *                  (then the class is one set of all its tests)
 * @param context   the per-JVM cache the class needs, such as its Spring application context ({@code ""} for none): a
 *                  scheduling hint the timing history keeps, never part of a report
 * @param methods   the seconds of each of its test methods by name when the class may be split by method
 *                  ({@code fastCi.splitClasses}), for the timing history; empty when it may not, never part of a report
 */
public record ClassResult(
        String className,
        List<TestResult> tests,
        double seconds,
        String stdout,
        String stderr,
        Map<String, String> properties,
        String nativeOut,
        String nativeErr,
        List<TestSet> sets,
        String context,
        Map<String, Double> methods) {

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
        nativeOut = nativeOut == null ? "" : nativeOut;
        nativeErr = nativeErr == null ? "" : nativeErr;
        sets = sets == null ? List.of() : List.copyOf(sets);
        context = context == null ? "" : context;
        methods = methods == null ? Map.of() : Map.copyOf(methods);
    }

    /**
     * A class named {@code className}, to be given the rest; the only way to make one but the canonical constructor,
     * so that no shorter constructor can leave a field behind.
     */
    public static Builder builder(String className) {
        return new Builder(className);
    }

    /** A builder holding every field of this class, to change some. */
    public Builder toBuilder() {
        return new Builder(className)
                .tests(tests)
                .seconds(seconds)
                .output(stdout, stderr)
                .properties(properties)
                .nativeOutput(nativeOut, nativeErr)
                .sets(sets)
                .context(context)
                .methods(methods);
    }

    /**
     * Each container's tests as Surefire reports them on the console, in the order they finished: a result named by
     * the container (its display name, else its binary name), holding the tests that finished after the container
     * before it. The last is the class itself; a class without {@code @Nested} classes is one set of all its tests.
     */
    public List<ClassResult> testSets() {
        if (sets.isEmpty()) {
            return List.of(builder(className).tests(tests).seconds(seconds).build());
        }
        List<ClassResult> results = new ArrayList<>(sets.size());
        int from = 0;
        for (int i = 0; i < sets.size(); i++) {
            TestSet set = sets.get(i);
            // The class's own set takes whatever came last, a test reported after it ended (a lost fork's error).
            int to = i == sets.size() - 1 ? tests.size() : Math.max(from, Math.min(set.end(), tests.size()));
            results.add(builder(set.name())
                    .tests(tests.subList(from, to))
                    .seconds(set.seconds())
                    .build());
            from = to;
        }
        return results;
    }

    /**
     * The tests Surefire counts in the class's XML and text reports: those of its own set (the last), so none of a
     * {@code @Nested} class's, under the class's name and with its time.
     */
    public ClassResult ownSet() {
        List<ClassResult> all = testSets();
        return builder(className)
                .tests(all.get(all.size() - 1).tests())
                .seconds(seconds)
                .build();
    }

    /**
     * The class Surefire names a failed test by, on the console, in the text report and in the summary. Its JUnit
     * Platform provider names it by the top-level class, a {@code @Nested} class's test too; its JUnit 4 provider by
     * the test's own class, a suite member's. A class of exactly one test set (the class itself, no {@code @Nested}
     * class or suite member of its own) is how the fork reports what the JUnit 4 provider ran, and otherwise holds
     * only tests whose class is this one; so one set means the test's own class. With no sets (unknown), the class.
     */
    public String headingClass(TestResult t) {
        return sets.size() == 1 ? t.className() : className;
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

    /**
     * Builds a {@link ClassResult}; what is not set is empty: no tests, no time, nothing printed, no system properties
     * (unknown), no containers (unknown). Not thread-safe.
     */
    public static final class Builder {
        private final String className;
        private List<TestResult> tests = List.of();
        private double seconds;
        private String stdout = "";
        private String stderr = "";
        private Map<String, String> properties;
        private String nativeOut = "";
        private String nativeErr = "";
        private List<TestSet> sets = List.of();
        private String context = "";
        private Map<String, Double> methods = Map.of();

        private Builder(String className) {
            this.className = className;
        }

        public Builder tests(List<TestResult> tests) {
            this.tests = tests;
            return this;
        }

        public Builder seconds(double seconds) {
            this.seconds = seconds;
            return this;
        }

        /** What the class printed on System.out and System.err. */
        public Builder output(String stdout, String stderr) {
            this.stdout = stdout;
            this.stderr = stderr;
            return this;
        }

        /** The test JVM's system properties when the class ended; null if unknown. */
        public Builder properties(Map<String, String> properties) {
            this.properties = properties;
            return this;
        }

        /** What reached the fork's native stdout and stderr while the class ran. */
        public Builder nativeOutput(String nativeOut, String nativeErr) {
            this.nativeOut = nativeOut;
            this.nativeErr = nativeErr;
            return this;
        }

        public Builder sets(List<TestSet> sets) {
            this.sets = sets;
            return this;
        }

        public Builder context(String context) {
            this.context = context;
            return this;
        }

        /** The seconds of each test method by name, when the class may be split by method. */
        public Builder methods(Map<String, Double> methods) {
            this.methods = methods;
            return this;
        }

        public ClassResult build() {
            return new ClassResult(
                    className,
                    tests,
                    seconds,
                    stdout,
                    stderr,
                    properties,
                    nativeOut,
                    nativeErr,
                    sets,
                    context,
                    methods);
        }
    }
}
