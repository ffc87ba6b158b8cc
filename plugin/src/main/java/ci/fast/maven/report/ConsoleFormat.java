package ci.fast.maven.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The lines Surefire 3.5 prints on the console, without Maven's {@code [INFO]} / {@code [ERROR]} prefix
 * (the caller picks the log level). Also used for the text report, whose lines are the same.
 */
public final class ConsoleFormat {

    private ConsoleFormat() {}

    /**
     * The line printed when a class finishes, e.g.
     * {@code Tests run: 3, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.123 s <<< FAILURE! -- in com.acme.FooTest};
     * the {@code <<< FAILURE!} marker appears only if a test failed or errored.
     */
    public static String classLine(ClassResult r) {
        return totalsLine(r.run(), r.failures(), r.errors(), r.skipped())
                + ", Time elapsed: " + elapsed(r.seconds())
                + (r.hasProblems() ? " <<< FAILURE!" : "")
                + " -- in " + r.className();
    }

    /** The totals as Surefire's run summary prints them: {@code Tests run: N, Failures: F, Errors: E, Skipped: S}. */
    public static String totalsLine(int run, int failures, int errors, int skipped) {
        return "Tests run: " + run + ", Failures: " + failures + ", Errors: " + errors + ", Skipped: " + skipped;
    }

    /**
     * The heading Surefire prints above a failed test's stack trace, e.g.
     * {@code com.acme.FooTest.divides -- Time elapsed: 0.012 s <<< FAILURE!}; {@code <<< ERROR!} for errors
     * and no marker for passed or skipped tests. A class-level failure (a {@code @BeforeAll} that threw), whose
     * name is empty (or the class's own), names the class once.
     */
    public static String testLine(TestResult t) {
        return testLine(t.className(), t);
    }

    /** {@link #testLine(TestResult)} of a test of {@code className}, which names a {@code @Nested} class's tests too. */
    public static String testLine(String className, TestResult t) {
        String line = fullName(className, t) + " -- Time elapsed: " + elapsed(t.seconds());
        return switch (t.outcome()) {
            case FAILED -> line + " <<< FAILURE!";
            case ERROR -> line + " <<< ERROR!";
            case PASSED, SKIPPED -> line;
        };
    }

    /**
     * The line {@code reportFormat=plain} gives a test that did not fail: {@link #testLine(String, TestResult)} for
     * one that passed, {@code com.acme.FooTest.later skipped} for a skipped one.
     */
    public static String plainLine(String className, TestResult t) {
        return t.outcome() == Status.SKIPPED ? fullName(className, t) + " skipped" : testLine(className, t);
    }

    /** {@code className.name}, or the class alone for a class-level result. */
    private static String fullName(String className, TestResult t) {
        return t.name().isEmpty() || t.name().equals(t.className()) ? className : className + "." + t.name();
    }

    /**
     * Seconds as Surefire shows them, with unit: four significant digits at most ({@code 0.123 s},
     * {@code 12.35 s}, {@code 123.5 s}, {@code 1235 s}) and {@code 0 s} for no time at all.
     */
    public static String elapsed(double seconds) {
        // NaN, negative (a clock that stepped back) and infinite times say nothing useful: show 0.
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            return "0 s";
        }
        int decimals = seconds < 10 ? 3 : seconds < 100 ? 2 : seconds < 1000 ? 1 : 0;
        // HALF_EVEN is what Surefire's MessageFormat/DecimalFormat rounds with.
        return BigDecimal.valueOf(seconds)
                        .setScale(decimals, RoundingMode.HALF_EVEN)
                        .toPlainString() + " s";
    }
}
