package ci.fast.maven.report;

/**
 * How results are shown, as Surefire's parameters of the same names.
 *
 * @param redirectTestOutputToFile whether test output goes to {@code <class>-output.txt} instead of the console
 * @param trimStackTrace whether reports keep only the test class's frames of a problem's stack trace
 */
public record ReportOptions(boolean redirectTestOutputToFile, boolean trimStackTrace) {
    /** Surefire 3's defaults: output on the console, whole stack traces. */
    public static final ReportOptions DEFAULTS = new ReportOptions(false, false);
}
