package ci.fast.maven.report;

import java.util.Objects;

/**
 * What the report files say and how they are named, as Surefire's report parameters of the same meaning set it.
 * {@link #SUREFIRE} is Surefire's defaults, under which every report is as it always was.
 *
 * @param nameSuffix Surefire's {@code reportNameSuffix}: {@code TEST-<class>-<suffix>.xml}, {@code <class>-<suffix>.txt}
 *     and {@code <class>-<suffix>-output.txt}, and {@code <class>(<suffix>)} as the XML's suite name and testcase
 *     classnames; "" for none
 * @param plain Surefire's {@code reportFormat=plain}: the text report and the console list every test, not only the
 *     failed ones
 * @param testLines whether the console shows the failed tests' lines (and, plain, every test's): Surefire's
 *     {@code reportFormat} is {@code brief} or {@code plain}, spelt so
 * @param outErrElements Surefire's {@code enableOutErrElements}: false leaves the output of passed tests out of the XML
 * @param propertiesElement Surefire's {@code enablePropertiesElement}: false leaves the system properties out of the
 *     XML of a class whose tests all passed
 * @param timestamps Surefire's {@code reportTestTimestamp}: each testsuite and testcase carries the instant it started
 * @param xmlVersion the XML's {@code version} attribute: the {@code version} of Surefire's
 *     {@code statelessTestsetReporter}, {@code 3.0.2} unless set
 * @param phrasedSuiteName the {@code usePhrasedTestSuiteClassName} of Surefire's {@code JUnit5Xml30StatelessReporter}:
 *     the XML's suite is named by the class's {@code @DisplayName}
 * @param phrasedFileName its {@code usePhrasedFileName}: the XML file too
 * @param phrasedMethodName its {@code usePhrasedTestCaseMethodName}: testcases are named by their display names
 * @param textPhrasedFileName the {@code usePhrasedFileName} of Surefire's {@code JUnit5StatelessTestsetInfoReporter}:
 *     each container of a class (its {@code @Nested} ones too) has its text report, named by its display name
 * @param textPhrasedHeader its {@code usePhrasedClassNameInRunning}: a text report's {@code Test set:} line names the
 *     container by its display name
 * @param textPhrasedSummary its {@code usePhrasedClassNameInTestCaseSummary}: so does the class line's {@code -- in}
 * @param outputPhrasedFileName the {@code usePhrasedFileName} of Surefire's {@code JUnit5ConsoleOutputReporter}: a
 *     class's {@code -output.txt} is named by its {@code @DisplayName}, as Surefire 3.6 names it by its test set's
 * @param phrasedClassName its {@code usePhrasedTestCaseClassName}: testcases' classnames are their classes' display
 *     names, at every Surefire version ({@link PlatformReports#displayNameClassnames()} says where they are anyway)
 * @param platform the shape of a class's reports at the project's Surefire version: one per container or per class,
 *     what a suite counts, the {@code flakes} attribute, testcase classnames; {@link PlatformReports#SUREFIRE_3_5_4}
 *     unless set
 */
public record ReportLayout(
        String nameSuffix,
        boolean plain,
        boolean testLines,
        boolean outErrElements,
        boolean propertiesElement,
        boolean timestamps,
        String xmlVersion,
        boolean phrasedSuiteName,
        boolean phrasedFileName,
        boolean phrasedMethodName,
        boolean textPhrasedFileName,
        boolean textPhrasedHeader,
        boolean textPhrasedSummary,
        boolean outputPhrasedFileName,
        boolean phrasedClassName,
        PlatformReports platform) {

    /** Surefire's defaults. */
    public static final ReportLayout SUREFIRE = new ReportLayout(
            "",
            false,
            true,
            true,
            true,
            false,
            XmlReportWriter.SCHEMA_VERSION,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            PlatformReports.SUREFIRE_3_5_4);

    public ReportLayout {
        nameSuffix = nameSuffix == null || nameSuffix.isBlank() ? "" : nameSuffix;
        xmlVersion = xmlVersion == null || xmlVersion.isBlank() ? XmlReportWriter.SCHEMA_VERSION : xmlVersion;
        platform = platform == null ? PlatformReports.SUREFIRE_3_5_4 : platform;
    }

    /** {@code base} with the suffix as Surefire adds it to a file's name: {@code base-suffix}. */
    String fileName(String base) {
        return nameSuffix.isEmpty() ? base : base + "-" + nameSuffix;
    }

    /** {@code name} with the suffix as Surefire adds it to the XML's names: {@code name(suffix)}. */
    String reportName(String name) {
        Objects.requireNonNull(name, "name");
        return nameSuffix.isEmpty() ? name : name + "(" + nameSuffix + ")";
    }

    /** A builder starting from Surefire's defaults. */
    public static Builder builder() {
        return new Builder(SUREFIRE);
    }

    /** A builder holding every field of this layout, to change some. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link ReportLayout}. Not thread-safe. */
    public static final class Builder {
        private String nameSuffix;
        private boolean plain;
        private boolean testLines;
        private boolean outErrElements;
        private boolean propertiesElement;
        private boolean timestamps;
        private String xmlVersion;
        private boolean phrasedSuiteName;
        private boolean phrasedFileName;
        private boolean phrasedMethodName;
        private boolean textPhrasedFileName;
        private boolean textPhrasedHeader;
        private boolean textPhrasedSummary;
        private boolean outputPhrasedFileName;
        private boolean phrasedClassName;
        private PlatformReports platform;

        private Builder(ReportLayout from) {
            nameSuffix = from.nameSuffix;
            plain = from.plain;
            testLines = from.testLines;
            outErrElements = from.outErrElements;
            propertiesElement = from.propertiesElement;
            timestamps = from.timestamps;
            xmlVersion = from.xmlVersion;
            phrasedSuiteName = from.phrasedSuiteName;
            phrasedFileName = from.phrasedFileName;
            phrasedMethodName = from.phrasedMethodName;
            textPhrasedFileName = from.textPhrasedFileName;
            textPhrasedHeader = from.textPhrasedHeader;
            textPhrasedSummary = from.textPhrasedSummary;
            outputPhrasedFileName = from.outputPhrasedFileName;
            phrasedClassName = from.phrasedClassName;
            platform = from.platform;
        }

        public Builder nameSuffix(String nameSuffix) {
            this.nameSuffix = nameSuffix;
            return this;
        }

        public Builder plain(boolean plain) {
            this.plain = plain;
            return this;
        }

        public Builder testLines(boolean testLines) {
            this.testLines = testLines;
            return this;
        }

        public Builder outErrElements(boolean outErrElements) {
            this.outErrElements = outErrElements;
            return this;
        }

        public Builder propertiesElement(boolean propertiesElement) {
            this.propertiesElement = propertiesElement;
            return this;
        }

        public Builder timestamps(boolean timestamps) {
            this.timestamps = timestamps;
            return this;
        }

        public Builder xmlVersion(String xmlVersion) {
            this.xmlVersion = xmlVersion;
            return this;
        }

        public Builder phrasedSuiteName(boolean phrasedSuiteName) {
            this.phrasedSuiteName = phrasedSuiteName;
            return this;
        }

        public Builder phrasedFileName(boolean phrasedFileName) {
            this.phrasedFileName = phrasedFileName;
            return this;
        }

        public Builder phrasedMethodName(boolean phrasedMethodName) {
            this.phrasedMethodName = phrasedMethodName;
            return this;
        }

        /** The text reports' phrased options: file per container by its name, its name in the header, in the summary. */
        public Builder textPhrased(boolean fileName, boolean header, boolean summary) {
            this.textPhrasedFileName = fileName;
            this.textPhrasedHeader = header;
            this.textPhrasedSummary = summary;
            return this;
        }

        /** The output files' {@code usePhrasedFileName}: each named by its class's {@code @DisplayName}. */
        public Builder outputPhrasedFileName(boolean outputPhrasedFileName) {
            this.outputPhrasedFileName = outputPhrasedFileName;
            return this;
        }

        public Builder phrasedClassName(boolean phrasedClassName) {
            this.phrasedClassName = phrasedClassName;
            return this;
        }

        /** The shape of a class's reports, by the project's Surefire version. */
        public Builder platform(PlatformReports platform) {
            this.platform = platform;
            return this;
        }

        public ReportLayout build() {
            return new ReportLayout(
                    nameSuffix,
                    plain,
                    testLines,
                    outErrElements,
                    propertiesElement,
                    timestamps,
                    xmlVersion,
                    phrasedSuiteName,
                    phrasedFileName,
                    phrasedMethodName,
                    textPhrasedFileName,
                    textPhrasedHeader,
                    textPhrasedSummary,
                    outputPhrasedFileName,
                    phrasedClassName,
                    platform);
        }
    }
}
