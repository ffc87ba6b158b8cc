package ci.fast.maven.report;

/**
 * How results are shown, as Surefire's parameters of the same names.
 *
 * @param redirectTestOutputToFile whether test output goes to {@code <class>-output.txt} instead of the console
 * @param trimStackTrace whether reports keep only the test class's frames of a problem's stack trace
 * @param xmlReports whether {@code TEST-<class>.xml} reports are written (Surefire's {@code disableXmlReport} off)
 * @param textReports whether {@code <class>.txt} reports are written (Surefire's {@code useFile})
 * @param xmlSchema the schema the XML reports name: Surefire's, or Failsafe's for integration tests
 */
public record ReportOptions(
        boolean redirectTestOutputToFile,
        boolean trimStackTrace,
        boolean xmlReports,
        boolean textReports,
        String xmlSchema) {
    /** Surefire 3's defaults: output on the console, whole stack traces, XML and text reports. */
    public static final ReportOptions DEFAULTS =
            new ReportOptions(false, false, true, true, XmlReportWriter.SCHEMA_LOCATION);

    public ReportOptions {
        xmlSchema = xmlSchema == null ? XmlReportWriter.SCHEMA_LOCATION : xmlSchema;
    }
}
