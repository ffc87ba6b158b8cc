package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.config.RunSettings;
import ci.fast.maven.report.ReportLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.codehaus.plexus.component.configurator.expression.DefaultExpressionEvaluator;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surefire's report parameters and its reporters' options, as the run's report settings and its notices. */
class SettingsTranslationReportsTest {
    private static final String JUNIT5_XML =
            "org.apache.maven.plugin.surefire.extensions.junit5.JUnit5Xml30StatelessReporter";

    @TempDir
    Path dir;

    @Test
    void surefiresDefaultsLayTheReportsOutAsEver() {
        RunSettings.Reports reports = translate(parameters()).reports();

        assertEquals(ReportLayout.SUREFIRE, reports.layout());
        assertTrue(reports.xmlReports());
        assertTrue(reports.textReports());
        assertTrue(reports.testsetInfo());
        assertTrue(reports.testOutput());
    }

    @Test
    void theReportParametersAreTheLayout() {
        TestParameters p = parameters();
        p.reportNameSuffix = "jdk17";
        p.reportFormat = "plain";
        p.enableOutErrElements = false;
        p.enablePropertiesElement = false;
        p.reportTestTimestamp = true;

        assertEquals(
                ReportLayout.builder()
                        .nameSuffix("jdk17")
                        .plain(true)
                        .outErrElements(false)
                        .propertiesElement(false)
                        .timestamps(true)
                        .build(),
                translate(p).reports().layout());
        assertEquals(List.of(), translate(p).notices());
    }

    @Test
    void aReportFormatOtherThanBriefOrPlainWritesNoTextReportsNorTestLinesAndSaysSo() {
        TestParameters p = parameters();
        p.reportFormat = "Plain";

        RunSettings settings = translate(p);

        assertFalse(settings.reports().textReports());
        assertFalse(settings.reports().layout().plain(), "Surefire compares the format as written");
        assertFalse(settings.reports().layout().testLines());
        assertEquals(
                List.of("reportFormat=Plain: as Surefire, no text reports and no test's line on the console (brief or"
                        + " plain have them)"),
                settings.notices());
    }

    @Test
    void theXmlReportersOptionsAreTaken() {
        TestParameters p = parameters();
        p.statelessTestsetReporter = reporter(
                JUNIT5_XML,
                "version",
                "3.0",
                "usePhrasedFileName",
                "true",
                "usePhrasedTestSuiteClassName",
                "true",
                "usePhrasedTestCaseClassName",
                "true",
                "usePhrasedTestCaseMethodName",
                "true");

        RunSettings settings = translate(p);

        ReportLayout layout = settings.reports().layout();
        assertEquals("3.0", layout.xmlVersion());
        assertTrue(layout.phrasedFileName());
        assertTrue(layout.phrasedSuiteName());
        assertTrue(layout.phrasedMethodName());
        assertEquals(List.of(), settings.notices());
    }

    @Test
    void theOutputReportersPhrasedFileNameNamesTheOutputFilesWithoutANotice() {
        TestParameters p = parameters();
        p.consoleOutputReporter = reporter(
                "org.apache.maven.plugin.surefire.extensions.junit5.JUnit5ConsoleOutputReporter",
                "usePhrasedFileName",
                "true");

        RunSettings settings = translate(p);

        assertEquals(
                ReportLayout.builder().outputPhrasedFileName(true).build(),
                settings.reports().layout());
        assertEquals(List.of(), settings.notices());
    }

    @Test
    void eachReporterDisabledWritesNothingOfItsOwn() {
        TestParameters p = parameters();
        p.statelessTestsetReporter = reporter(null, "disable", "true");
        p.statelessTestsetInfoReporter = reporter(null, "disable", "true");
        p.consoleOutputReporter = reporter(null, "disable", "true");

        RunSettings.Reports reports = translate(p).reports();

        assertFalse(reports.xmlReports());
        assertFalse(reports.testsetInfo());
        assertFalse(reports.testOutput());
    }

    @Test
    void takesTheTextReportersOptionsAndNamesThoseNotFollowedAndAReporterOfAnotherKind() {
        TestParameters p = parameters();
        p.statelessTestsetReporter = reporter(JUNIT5_XML, "usePhrasedTestCaseMethodName", "true");
        p.statelessTestsetInfoReporter = reporter(
                "org.apache.maven.plugin.surefire.extensions.junit5.JUnit5StatelessTestsetInfoReporter",
                "usePhrasedClassNameInRunning",
                "true");
        p.consoleOutputReporter = reporter("com.acme.OwnReporter", "encoding", "ISO-8859-1");

        RunSettings settings = translate(p);
        List<String> notices = settings.notices();

        assertEquals(
                ReportLayout.builder()
                        .phrasedMethodName(true)
                        .textPhrased(false, true, false)
                        .build(),
                settings.reports().layout());
        assertEquals(
                List.of(
                        "consoleOutputReporter encoding=ISO-8859-1: output files are written in UTF-8",
                        "reporter com.acme.OwnReporter: not run; fast-ci writes what Surefire's own reporters write"),
                notices);
    }

    @Test
    void stackTraceCaptureIsNamedWithWhatFastCiDoesInstead() {
        TestParameters p = parameters();
        p.stackTraceMaxFrames = 0;

        assertEquals(
                List.of("stackTraceMaxFrames / stackTraceFilterPrefixes: fast-ci gives a test's output to the test"
                        + " that ran when it was printed, without capturing stacks"),
                translate(p).notices());
    }

    @Test
    void readsAReporterAsMavenHandsItOver() {
        SurefireReporter r = SurefireReporter.of(reporter(JUNIT5_XML, "disable", " true ", "version", ""));

        assertEquals(JUNIT5_XML, r.implementation());
        assertTrue(r.disabled());
        assertEquals(null, r.option("version"));
        assertFalse(r.flag("usePhrasedFileName"));
        assertEquals(SurefireReporter.DEFAULT, SurefireReporter.of(null));
    }

    @Test
    void evaluatesTheOptionsExpressionsAsMavenDoesForSurefiresReporterObject() {
        PlexusConfiguration evaluated = SurefireReporter.evaluated(
                reporter(JUNIT5_XML, "disable", "${skipXml}", "version", "3.0"), new DefaultExpressionEvaluator() {
                    @Override
                    public Object evaluate(String expression) {
                        return "${skipXml}".equals(expression) ? Boolean.TRUE : expression;
                    }
                });

        assertTrue(SurefireReporter.of(evaluated).disabled());
        assertEquals("3.0", SurefireReporter.of(evaluated).option("version"));
        assertEquals(JUNIT5_XML, SurefireReporter.of(evaluated).implementation());
        assertEquals(null, SurefireReporter.evaluated(null, new DefaultExpressionEvaluator()));
    }

    private static PlexusConfiguration reporter(String implementation, String... options) {
        DefaultPlexusConfiguration c = new DefaultPlexusConfiguration("statelessTestsetReporter");
        if (implementation != null) {
            c.setAttribute("implementation", implementation);
        }
        for (int i = 0; i < options.length; i += 2) {
            c.addChild(options[i], options[i + 1]);
        }
        return c;
    }

    private RunSettings translate(TestParameters p) {
        SettingsTranslation.GoalFacts facts = new SettingsTranslation.GoalFacts(
                Goal.TEST,
                "shop",
                dir.resolve("target"),
                dir.resolve("target/classes"),
                dir.resolve("target/reports"),
                null,
                new Properties(),
                dir,
                null);
        return SettingsTranslation.translate(p, facts, Map.of());
    }

    /** The parameters as Maven sets them by default, for what the translation reads. */
    private TestParameters parameters() {
        TestParameters p = new TestParameters() {
            @Override
            public void execute() {}
        };
        p.testClassesDirectory = dir.resolve("target/test-classes").toFile();
        p.workingDirectory = dir.toFile();
        p.forkCount = "1";
        p.failIfNoSpecifiedTests = true;
        p.printSummary = true;
        p.fallback = true;
        p.enableAssertions = true;
        p.forkedProcessExitTimeoutInSeconds = 30;
        p.promoteUserPropertiesToSystemProperties = true;
        p.progress = true;
        p.reuseForks = true;
        p.useSystemClassLoader = true;
        p.useManifestOnlyJar = true;
        p.junitArtifactName = "junit:junit";
        p.testNGArtifactName = "org.testng:testng";
        p.reportFormat = "brief";
        p.reportNameSuffix = "";
        p.enableOutErrElements = true;
        p.enablePropertiesElement = true;
        p.stackTraceMaxFrames = 15;
        p.useFile = true;
        return p;
    }
}
