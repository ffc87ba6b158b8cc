package ci.fast.maven;

import ci.fast.maven.report.ReportLayout;

/**
 * Surefire's report parameters, and the options of its XML, text and output reporters, as the reports'
 * {@link ReportLayout}.
 */
final class ReportLayouts {
    private ReportLayouts() {}

    static ReportLayout of(TestParameters p) {
        SurefireReporter xml = SurefireReporter.of(p.statelessTestsetReporter);
        SurefireReporter text = SurefireReporter.of(p.statelessTestsetInfoReporter);
        SurefireReporter output = SurefireReporter.of(p.consoleOutputReporter);
        return ReportLayout.builder()
                .nameSuffix(p.reportNameSuffix)
                .plain("plain".equals(p.reportFormat))
                .testLines(textFormat(p.reportFormat))
                .outErrElements(p.enableOutErrElements)
                .propertiesElement(p.enablePropertiesElement)
                .timestamps(p.reportTestTimestamp)
                .xmlVersion(xml.option("version"))
                .phrasedSuiteName(xml.flag("usePhrasedTestSuiteClassName"))
                .phrasedFileName(xml.flag("usePhrasedFileName"))
                .phrasedMethodName(xml.flag("usePhrasedTestCaseMethodName"))
                .phrasedClassName(xml.flag("usePhrasedTestCaseClassName"))
                .textPhrased(
                        text.flag("usePhrasedFileName"),
                        text.flag("usePhrasedClassNameInRunning"),
                        text.flag("usePhrasedClassNameInTestCaseSummary"))
                .outputPhrasedFileName(output.flag("usePhrasedFileName"))
                .build();
    }

    /**
     * Whether Surefire writes text reports in {@code reportFormat}: {@code brief} and {@code plain} only, spelt so
     * (Surefire compares them as written); the default when not set.
     */
    static boolean textFormat(String reportFormat) {
        return reportFormat == null || "brief".equals(reportFormat) || "plain".equals(reportFormat);
    }
}
