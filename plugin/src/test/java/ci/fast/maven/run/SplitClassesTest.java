package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.server.Timings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * fastCi.splitClasses in a local run with two real forks and the embedded orchestrator: the class that dominates the
 * suite runs in parts on both forks at once (each of its methods waits until a second JVM ran one), and is still one
 * TEST-*.xml with all its testcases; a class whose methods run in an order stays whole though the history splits it.
 */
class SplitClassesTest {
    private static final String SAMPLES = "ci.fast.maven.run.samples.split.";
    private static final String DOMINANT = SAMPLES + "Dominant";
    private static final String ORDERED = SAMPLES + "Ordered";

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aDominantClassRunsInPartsOnBothForksAndIsReportedAsOneClass() throws Exception {
        Path ran = Files.createDirectories(dir.resolve("ran"));
        Path reports = dir.resolve("reports");
        Path timingsFile = dir.resolve("timings.json");
        // The history of a run before: the dominant class's methods' times, and (from before it was ordered) Ordered's.
        Files.writeString(
                timingsFile,
                "{\"" + DOMINANT + "\": {\"seconds\": 8.0, \"methods\": {\"alpha\": 2.0, \"bravo\": 2.0,"
                        + " \"charlie\": 2.0, \"delta\": 2.0}},"
                        + " \"" + ORDERED + "\": {\"seconds\": 0.5, \"methods\": {\"first\": 0.25, \"second\": 0.25}},"
                        + " \"" + SAMPLES + "Brief\": 0.1}");
        List<Path> classPath = TestJvm.classPath();
        ForkOptions forks = new ForkOptions(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of("-Dsplit.ran=" + ran),
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
        List<String> classes = List.of(DOMINANT, SAMPLES + "Brief", ORDERED);
        RunPlan plan = new RunPlan(classes, 2, forks, true, "junit-split", reports, null, TestRunOptions.DEFAULTS);

        RunOutcome outcome = new LocalRun(plan, TestJvm.QUIET, timingsFile, true).execute();

        assertEquals(List.of(), outcome.problems());
        assertEquals(9, outcome.summary().testsRun(), "6 of the dominant class, 1 brief, 2 ordered");
        assertEquals(0, outcome.summary().failures() + outcome.summary().errors());
        Map<String, Set<String>> jvmsByMethod;
        try (Stream<Path> files = Files.list(ran)) {
            jvmsByMethod = files.map(f -> f.getFileName().toString().split("\\."))
                    .collect(Collectors.groupingBy(
                            name -> name[0], Collectors.mapping(name -> name[1], Collectors.toSet())));
        }
        Set<String> dominantJvms = Stream.of("alpha", "bravo", "charlie", "delta")
                .flatMap(m -> jvmsByMethod.get(m).stream())
                .collect(Collectors.toSet());
        assertEquals(2, dominantJvms.size(), "the dominant class's methods ran on both forks: " + jvmsByMethod);
        assertEquals(
                1,
                Stream.of("first", "second")
                        .flatMap(m -> jvmsByMethod.get(m).stream())
                        .distinct()
                        .count(),
                "an ordered class runs whole, on one fork: " + jvmsByMethod);

        try (Stream<Path> files = Files.list(reports)) {
            List<String> names =
                    files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(
                    List.of(
                            "TEST-" + SAMPLES + "Brief.xml",
                            "TEST-" + DOMINANT + ".xml",
                            "TEST-" + ORDERED + ".xml",
                            SAMPLES + "Brief.txt",
                            SAMPLES + "Dominant.txt",
                            SAMPLES + "Ordered.txt"),
                    names);
        }
        String report = Files.readString(reports.resolve("TEST-" + DOMINANT + ".xml"));
        assertTrue(report.contains("name=\"" + DOMINANT + "\""), report);
        assertTrue(report.contains("tests=\"6\""), report);
        assertEquals(6, report.split("<testcase ", -1).length - 1, report);
        for (String method : List.of("alpha", "bravo", "charlie", "delta")) {
            assertTrue(report.contains("name=\"" + method), method + " is in the report: " + report);
        }
        assertFalse(report.contains("Dominant#"), "no part's key in the report: " + report);

        Timings after = Timings.load(timingsFile, line -> {});
        assertEquals(
                Set.of("alpha", "bravo", "charlie", "delta"),
                after.methods(DOMINANT).keySet());
        assertEquals(Map.of(), after.methods(ORDERED), "an ordered class keeps no method times");
        assertEquals(
                Set.of(DOMINANT, ORDERED, SAMPLES + "Brief"), after.snapshot().keySet(), "no part in the history");
    }
}
