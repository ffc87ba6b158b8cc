package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.TestFilters;
import ci.fast.maven.booter.TestNgSuite;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.report.ReportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real fork whose tests have junit 3.8.2 and no JUnit 4 on their class path, as a JUnit 3.8 project's forks have
 * when they run with its own jar: the run links against JUnit 3.8's junit.framework (not only the API JUnit 4 shares
 * with it), and reports what Surefire's JUnit 3 provider reports with that jar, whose {@code AssertionFailedError} is
 * no {@code AssertionError}.
 */
class OwnJUnit3Test {
    private static final String SAMPLES = "ci.fast.maven.booter.samples.JUnit3Samples$";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aForkWithJUnit38RunsAndReportsTheClassesAsSurefiresJUnit3Provider() throws Exception {
        Path reports = dir.resolve("reports");
        List<String> classes =
                List.of(SAMPLES + "Ledger", SAMPLES + "AllSuites", SAMPLES + "NoTests", SAMPLES + "Pojo");

        RunOutcome outcome = new LocalRun(plan(reports, classes), TestJvm.QUIET).execute();

        assertEquals(List.of(), outcome.problems());
        assertEquals(3 + 6 + 1 + 2, outcome.summary().testsRun());
        // JUnit 3's failures (assertions, the warning, the threaded test's fail(), the POJO's every problem) and its
        // errors (the ledger's two exceptions), as JUnit 3 reported them, not by the exception's type.
        assertEquals(4, outcome.summary().failures());
        assertEquals(2, outcome.summary().errors());
        String ledger = Files.readString(reports.resolve("TEST-" + SAMPLES + "Ledger.xml"));
        assertTrue(
                ledger.contains("<failure message=\"balanced expected:&lt;2&gt; but was:&lt;3&gt;\""
                        + " type=\"junit.framework.AssertionFailedError\">"),
                ledger);
        assertTrue(
                outcome.summary()
                        .failureLines()
                        .contains(SAMPLES + "Ledger#testFails AssertionFailedError balanced expected:<2> but was:<3>"),
                String.valueOf(outcome.summary().failureLines()));
        String all = Files.readString(reports.resolve("TEST-" + SAMPLES + "AllSuites.xml"));
        assertTrue(all.contains("tests=\"6\""), all);
        assertTrue(all.contains("classname=\"" + SAMPLES + "Threaded\""), all);
        String warning = Files.readString(reports.resolve("TEST-" + SAMPLES + "NoTests.xml"));
        assertTrue(warning.contains("name=\"warning\" classname=\"junit.framework.TestSuite$1\""), warning);
        assertFalse(Files.exists(reports.resolve("TEST-" + SAMPLES + "AbstractBase.xml")));
    }

    private RunPlan plan(Path reports, List<String> classes) throws Exception {
        List<Path> classPath = withJUnit38(TestJvm.classPath());
        ForkOptions forks = new ForkOptions(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(),
                classPath,
                classPath,
                dir,
                Map.of(),
                dir.resolve("scratch"),
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
        TestRunOptions ownJUnit3 = new TestRunOptions(
                TestFilters.NONE, 0, Map.of(), List.of(), List.of(), 0, true, List.of(), TestNgSuite.NONE, true);
        return new RunPlan(classes, 1, forks, true, "junit-own3", reports, ReportOptions.DEFAULTS, ownJUnit3);
    }

    /**
     * This JVM's class path with junit 3.8.2 in JUnit 4's place, from the local repository beside it (the ITs' JUnit 3
     * projects have it there too).
     */
    private static List<Path> withJUnit38(List<Path> classPath) {
        List<Path> path = new ArrayList<>();
        Path junit38 = null;
        for (Path entry : classPath) {
            if (entry.getFileName().toString().equals("junit-4.13.2.jar")) {
                junit38 = entry.getParent().resolveSibling("3.8.2").resolve("junit-3.8.2.jar");
                path.add(junit38);
            } else if (!entry.getFileName().toString().startsWith("junit-vintage-engine")) {
                path.add(entry);
            }
        }
        assertTrue(
                junit38 != null && Files.isRegularFile(junit38),
                "junit 3.8.2 is not in the local repository beside junit 4.13.2 (" + junit38
                        + "): get it with mvn dependency:get -Dartifact=junit:junit:3.8.2");
        return path;
    }
}
