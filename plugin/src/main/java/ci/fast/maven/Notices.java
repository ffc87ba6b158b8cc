package ci.fast.maven;

import ci.fast.maven.discovery.TestNgSuiteFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters fast-ci accepts with Surefire's names but does not apply, each named once in the log, with what
 * fast-ci does instead, when it is set to anything but Surefire's default. Never a silent change: a pom written for
 * Surefire runs, and its user sees what differs. A parameter leaves this list when fast-ci applies it.
 */
final class Notices {
    private Notices() {}

    static List<String> collect(TestParameters p, SettingsTranslation.GoalFacts goal) {
        List<String> lines = new ArrayList<>();
        Notice notice = (set, parameter, instead) -> {
            if (set) {
                lines.add(parameter + ": " + instead);
            }
        };
        notice.when(
                !p.useSystemClassLoader || p.childDelegation,
                "useSystemClassLoader=false / childDelegation",
                "the tests always load from the fork's system class loader");
        notice.when(
                !p.useManifestOnlyJar,
                "useManifestOnlyJar=false",
                "fast-ci's forks take their class path in a JVM argument file, never a manifest jar");
        notice.when(p.forkNode != null, "forkNode", "fast-ci's forks always report to Maven over a loopback socket");
        notice.when(
                p.shutdown != null && !"exit".equalsIgnoreCase(p.shutdown),
                "shutdown=" + p.shutdown,
                "a fork ends when Maven's side of its socket closes");
        notice.when(
                p.enableProcessChecker != null,
                "enableProcessChecker",
                "a fork ends when Maven's side of its socket closes");
        notice.when(
                p.tempDir != null && !"surefire".equals(p.tempDir),
                "tempDir=" + p.tempDir,
                "fast-ci keeps its forks' files in target/fast-ci");
        notice.when(
                p.suiteXmlFiles != null && p.suiteXmlFiles.length > 0,
                "suiteXmlFiles",
                "the classes and methods they name run through the JUnit Platform's TestNG engine; "
                        + TestNgSuiteFiles.NOT_APPLIED);
        notice.when(
                !"junit:junit".equals(p.junitArtifactName),
                "junitArtifactName=" + p.junitArtifactName,
                "JUnit 4 is found by junit:junit");
        notice.when(
                !"org.testng:testng".equals(p.testNGArtifactName),
                "testNGArtifactName=" + p.testNGArtifactName,
                "TestNG is found by org.testng:testng");
        notice.when(
                p.parallelTestsTimeoutInSeconds > 0 || p.parallelTestsTimeoutForcedInSeconds > 0,
                "parallelTestsTimeoutInSeconds / parallelTestsTimeoutForcedInSeconds",
                "not applied; forkedProcessTimeoutInSeconds bounds a fork");
        reports(p, notice);
        return lines;
    }

    private static void reports(TestParameters p, Notice notice) {
        notice.when(
                !ReportLayouts.textFormat(p.reportFormat),
                "reportFormat=" + p.reportFormat,
                "as Surefire, no text reports and no test's line on the console (brief or plain have them)");
        notice.when(
                p.encoding != null && !p.encoding.isBlank() && !isUtf8(p.encoding),
                "encoding=" + p.encoding,
                "reports are written in UTF-8");
        notice.when(
                p.stackTraceMaxFrames != 15
                        || p.stackTraceFilterPrefixes != null && !p.stackTraceFilterPrefixes.isEmpty(),
                "stackTraceMaxFrames / stackTraceFilterPrefixes",
                "fast-ci gives a test's output to the test that ran when it was printed, without capturing stacks");
        reporters(p, notice);
        notice.when(
                "balanced".equalsIgnoreCase(p.runOrder),
                "runOrder=" + p.runOrder,
                "fast-ci's timing history hands out the longest classes first instead");
    }

    /** The options of Surefire's reporter extensions that fast-ci's reports do not follow. */
    private static void reporters(TestParameters p, Notice notice) {
        SurefireReporter xml = SurefireReporter.of(p.statelessTestsetReporter);
        SurefireReporter info = SurefireReporter.of(p.statelessTestsetInfoReporter);
        SurefireReporter output = SurefireReporter.of(p.consoleOutputReporter);
        notice.when(
                output.option("encoding") != null && !isUtf8(output.option("encoding")),
                "consoleOutputReporter encoding=" + output.option("encoding"),
                "output files are written in UTF-8");
        for (SurefireReporter reporter : List.of(xml, info, output)) {
            notice.when(
                    reporter.implementation() != null
                            && !reporter.implementation().startsWith(SUREFIRE_REPORTERS),
                    "reporter " + reporter.implementation(),
                    "not run; fast-ci writes what Surefire's own reporters write");
        }
    }

    /** The package of Surefire's own reporter extensions, whose options fast-ci follows. */
    private static final String SUREFIRE_REPORTERS = "org.apache.maven.plugin.surefire.extensions.";

    private static boolean isUtf8(String encoding) {
        try {
            return java.nio.charset.Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface Notice {
        void when(boolean set, String parameter, String instead);
    }
}
