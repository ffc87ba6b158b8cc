package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.TimingHistory;
import ci.fast.maven.server.Timings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * fastCi.splitClasses in remote mode: two machines of one fork each, on a server as {@code fast-ci:serve} runs it,
 * with the CI's node total known; the machine that enqueues splits the dominant class by its timings file, each
 * machine runs a part of it at once (each method waits until a second JVM ran one), and each reports what it ran of
 * it, in one TEST-*.xml; together they ran each test once. What a machine ran of the class is not all of it, so its
 * history keeps the methods' times it had.
 */
class SplitClassesRemoteTest {
    private static final String SAMPLES = "ci.fast.maven.run.samples.split.";
    private static final String DOMINANT = SAMPLES + "Dominant";
    private static final String HISTORY = "{\"" + DOMINANT + "\": {\"seconds\": 8.0, \"methods\": {\"alpha\": 2.0,"
            + " \"bravo\": 2.0, \"charlie\": 2.0, \"delta\": 2.0}}, \"" + SAMPLES + "Brief\": 0.1}";

    @TempDir
    Path dir;

    private final Secret secret = Secret.random();

    @Test
    @Timeout(180)
    void eachMachineRunsAPartOfTheDominantClassAndReportsWhatItRan() throws Exception {
        // The server has seen the parts before (it keeps each key's duration, a part's too): without, it would take
        // them for a second each, and might hand both to the first node in one batch.
        Timings parts = Timings.of(Map.of(
                DOMINANT + "#1/2:alpha,charlie", 4.0, DOMINANT + "#2/2!alpha,charlie", 4.0, SAMPLES + "Brief", 0.1));
        try (OrchestratorServer server = OrchestratorServer.start(
                "127.0.0.1",
                0,
                secret,
                Orchestrator.builder().timings(TimingHistory.of(parts)).build())) {
            URI uri = server.baseUri();
            // Threads of their own: the common pool may have a single thread, which would run one machine after the
            // other.
            ExecutorService machines = Executors.newFixedThreadPool(2);
            String reportA;
            String reportB;
            try {
                CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> run(uri, "a", 0), machines);
                CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> run(uri, "b", 1), machines);
                reportA = first.get();
                reportB = second.get();
            } finally {
                machines.shutdownNow();
            }

            Set<String> ranByA = testcases(reportA);
            Set<String> ranByB = testcases(reportB);
            assertFalse(ranByA.isEmpty() || ranByB.isEmpty(), "each machine ran a part: " + ranByA + " " + ranByB);
            Set<String> both = new HashSet<>(ranByA);
            both.retainAll(ranByB);
            assertEquals(Set.of(), both, "each test once");
            Set<String> all = new HashSet<>(ranByA);
            all.addAll(ranByB);
            assertEquals(Set.of("alpha", "bravo", "charlie", "delta(int)[1]", "delta(int)[2]", "delta(int)[3]"), all);
            assertTrue(reportA.contains("tests=\"" + ranByA.size() + "\""), reportA);
            // fast-ci:report's merged set: the class once, every part's tests in it, the counts added up.
            LinesLog log = new LinesLog();
            Path merged = dir.resolve("merged");
            assertEquals(2, MergedReports.fetch(uri, secret, params(), merged, log));
            String whole = Files.readString(merged.resolve("TEST-" + DOMINANT + ".xml"));
            assertEquals(all, testcases(whole), whole);
            assertEquals(6, count(whole, "<testcase "), "each test once: " + whole);
            assertTrue(whole.contains("tests=\"6\" errors=\"0\" skipped=\"0\" failures=\"0\""), whole);
            assertTrue(whole.contains("name=\"" + DOMINANT + "\""), whole);
            assertEquals(
                    List.of(),
                    log.lines.stream().filter(l -> l.startsWith("warn")).toList(),
                    "no class lacks a part");
            for (String machine : List.of("a", "b")) {
                assertEquals(
                        Set.of("alpha", "bravo", "charlie", "delta"),
                        Timings.load(dir.resolve(machine + "-timings.json"), line -> {})
                                .methods(DOMINANT)
                                .keySet(),
                        "machine " + machine + " keeps the methods' times it had");
            }
        }
    }

    /** Runs one machine, CI node {@code node} of 2; returns its report of the dominant class. */
    private String run(URI server, String machine, int node) {
        try {
            Path reports = dir.resolve(machine);
            Path timings = dir.resolve(machine + "-timings.json");
            Files.writeString(timings, HISTORY);
            List<Path> classPath = TestJvm.classPath();
            ForkOptions forks = new ForkOptions(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    List.of("-Dsplit.ran=" + Files.createDirectories(dir.resolve("ran"))),
                    classPath,
                    classPath,
                    dir,
                    Map.of(),
                    dir.resolve("scratch-" + machine),
                    Duration.ZERO,
                    ForkOptions.DEFAULT_EXIT_TIMEOUT,
                    ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                    List.of(),
                    null);
            RunPlan plan = new RunPlan(
                    List.of(DOMINANT, SAMPLES + "Brief"), 1, forks, true, "junit-split", reports, null, null);
            RunOutcome outcome = new RemoteRun(
                            plan,
                            server,
                            secret,
                            params(),
                            new Fallback(false, node, 2, false),
                            Retry.NONE,
                            TestJvm.QUIET)
                    .splittingBy(timings)
                    .execute();
            assertEquals(List.of(), outcome.problems(), machine);
            Path report = reports.resolve("TEST-" + DOMINANT + ".xml");
            return Files.isRegularFile(report) ? Files.readString(report) : "";
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(machine + " could not run: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", "split-remote");
        params.put("run_key", "junit-split");
        params.put("commit", "abc1234");
        params.put("branch", "main");
        return params;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static Set<String> testcases(String report) {
        Set<String> names = new HashSet<>();
        Matcher m = Pattern.compile("<testcase name=\"([^\"]*)\"").matcher(report);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
