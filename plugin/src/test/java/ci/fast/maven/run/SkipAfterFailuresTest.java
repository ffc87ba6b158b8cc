package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.TestFilters;
import ci.fast.maven.booter.TestNgSuite;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.fork.ForkOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * skipAfterFailureCount in a local run with real forks and the embedded orchestrator: after the first failed test no
 * further class runs, and every class that did not run has a report with each of its tests skipped, as Surefire
 * reports the tests of a cancelled run; with forks reused or not.
 */
class SkipAfterFailuresTest {
    private static final String SAMPLES = "ci.fast.maven.run.samples.skip.";
    private static final List<String> PASSING = List.of("BPasses", "CPasses", "DPasses", "EPasses");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "reuseForks={0}")
    @ValueSource(booleans = {true, false})
    @Timeout(180)
    void noClassRunsAfterTheFirstFailureAndTheRestAreReportedSkipped(boolean reuseForks) throws Exception {
        Path ran = Files.createDirectories(dir.resolve("ran"));
        Path reports = dir.resolve("reports");
        List<Path> classPath = TestJvm.classPath();
        ForkOptions forks = new ForkOptions(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Dskip.ran=" + ran),
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
        List<String> classes = Stream.concat(Stream.of("AFails"), PASSING.stream())
                .map(name -> SAMPLES + name)
                .toList();
        TestRunOptions tests = new TestRunOptions(
                TestFilters.NONE, 0, Map.of(), List.of(), List.of(), 1, false, List.of(), TestNgSuite.NONE, false);
        RunPlan plan = new RunPlan(classes, 1, forks, reuseForks, "junit-skip", reports, null, tests);

        RunOutcome outcome = new LocalRun(plan, TestJvm.QUIET).execute();

        assertEquals(List.of(), outcome.problems());
        try (Stream<Path> files = Files.list(ran)) {
            assertEquals(
                    Set.of("AFails"),
                    files.map(f -> f.getFileName().toString()).collect(Collectors.toSet()),
                    "only the class that failed ran");
        }
        assertEquals(10, outcome.summary().testsRun(), "Surefire counts the skipped tests as run");
        assertEquals(1, outcome.summary().failures());
        assertEquals(0, outcome.summary().errors());
        assertEquals(8, outcome.summary().skipped());
        for (String name : PASSING) {
            String report = Files.readString(reports.resolve("TEST-" + SAMPLES + name + ".xml"));
            assertTrue(report.contains("skipped=\"2\""), name + ": " + report);
            assertEquals(2, report.split("<skipped message=\"Execution cancelled\"/>", -1).length - 1, report);
        }
    }
}
