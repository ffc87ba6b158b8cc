package ci.fast.maven.report;

import java.nio.file.Path;

/**
 * How results are shown, as Surefire's parameters of the same names, and fast-ci's own outputs.
 *
 * @param redirectTestOutputToFile whether test output goes to {@code <class>-output.txt} instead of the console
 * @param trimStackTrace whether reports keep only the test class's frames of a problem's stack trace
 * @param xmlReports whether {@code TEST-<class>.xml} reports are written (Surefire's {@code disableXmlReport} off)
 * @param textReports whether {@code <class>.txt} reports are written (Surefire's {@code useFile})
 * @param xmlSchema the schema the XML reports name: Surefire's, or Failsafe's for integration tests; null for
 *     Surefire's
 * @param timelineFile where the run's timeline page goes, such as {@code target/fast-ci/timeline.html}; null for none
 * @param progress whether a progress line shows while the run goes on
 * @param gitHubSummary the GitHub Actions job summary ({@code $GITHUB_STEP_SUMMARY}) the run appends to, with one
 *     {@code ::error} workflow command per failed test on the console; null when not on GitHub Actions, or turned off
 * @param testSources the test sources, where GitHub's annotations point; null when unknown
 * @param layout what the reports say and how they are named (Surefire's report parameters); never null
 * @param testsetInfo whether the text reports and the console's class lines are written: Surefire's
 *     {@code statelessTestsetInfoReporter} not disabled
 * @param testOutput whether what the tests print reaches the console or {@code <class>-output.txt}: Surefire's
 *     {@code consoleOutputReporter} not disabled
 */
public record ReportOptions(
        boolean redirectTestOutputToFile,
        boolean trimStackTrace,
        boolean xmlReports,
        boolean textReports,
        String xmlSchema,
        Path timelineFile,
        boolean progress,
        Path gitHubSummary,
        Path testSources,
        ReportLayout layout,
        boolean testsetInfo,
        boolean testOutput) {
    /** Surefire 3's defaults: output on the console, whole stack traces, XML and text reports; none of fast-ci's own. */
    public static final ReportOptions DEFAULTS = new ReportOptions(
            false,
            false,
            true,
            true,
            XmlReportWriter.SCHEMA_LOCATION,
            null,
            false,
            null,
            null,
            ReportLayout.SUREFIRE,
            true,
            true);

    public ReportOptions {
        xmlSchema = xmlSchema == null ? XmlReportWriter.SCHEMA_LOCATION : xmlSchema;
        layout = layout == null ? ReportLayout.SUREFIRE : layout;
    }
}
