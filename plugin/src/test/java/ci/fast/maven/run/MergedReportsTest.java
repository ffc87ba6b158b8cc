package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every node's reports as one set, end to end with our own server: a server as {@code fast-ci:serve} runs it on an
 * ephemeral port, two machines of one build (one with two forks, one with one, all real JVMs) share its queue and
 * hand their reports over; {@code fast-ci:report}'s fetch then writes every class's {@code TEST-*.xml} once, each as
 * the node that ran the class wrote it. The key travels in a header only: no line says it.
 */
class MergedReportsTest {
    private static final List<String> CLASSES = IntStream.rangeClosed(1, 8)
            .mapToObj(i -> "ci.fast.maven.run.samples.retry.Retried" + i)
            .toList();
    private static final String RUN_KEY = "junit-merged";
    private static final String BUILD_ID = "777";

    @TempDir
    Path dir;

    private final Secret secret = Secret.random();
    private final LinesLog log = new LinesLog();
    private final List<String> lines = log.lines;

    @Test
    @Timeout(240)
    void writesEveryClassOfEveryNodeOnceAsItsNodeWroteIt() throws Exception {
        try (OrchestratorServer server = OrchestratorServer.start(
                "127.0.0.1", 0, secret, Orchestrator.builder().build())) {
            URI uri = server.baseUri();
            CompletableFuture<Map<String, String>> first = CompletableFuture.supplyAsync(() -> run(uri, "a", 2));
            CompletableFuture<Map<String, String>> second = CompletableFuture.supplyAsync(() -> run(uri, "b", 1));
            Map<String, String> byNodes = new TreeMap<>(first.get());
            Map<String, String> ranBySecond = second.get();
            assertFalse(byNodes.isEmpty() || ranBySecond.isEmpty(), "both machines worked");
            ranBySecond.forEach(
                    (file, xml) -> assertEquals(null, byNodes.put(file, xml), file + " ran on one machine only"));
            assertEquals(CLASSES.size(), byNodes.size(), "the machines ran every class: " + byNodes.keySet());

            Path merged = dir.resolve("merged");
            int written = MergedReports.fetch(uri, secret, params(), merged, log());

            assertEquals(CLASSES.size(), written);
            assertEquals(byNodes, reports(merged), "every class once, as the node that ran it wrote it");
            assertTrue(
                    lines.contains("fast-ci:report: 8 reports of test_orchestrator:" + RUN_KEY + "-" + BUILD_ID
                            + " from every node, written to " + merged),
                    "one line says what was written: " + lines);
            assertTrue(
                    lines.stream().noneMatch(line -> line.startsWith("warn") && line.contains("fast-ci:report")),
                    "no class lacks its report: " + lines);
            assertTrue(lines.stream().noneMatch(line -> line.contains(secret.reveal())), "the key in a line");
        }
    }

    @Test
    @Timeout(60)
    void aRunTheServerDoesNotKnowIsOneLine() throws Exception {
        try (OrchestratorServer server = OrchestratorServer.start(
                "127.0.0.1", 0, secret, Orchestrator.builder().build())) {
            IOException e = assertThrows(
                    IOException.class, () -> MergedReports.fetch(server.baseUri(), secret, params(), dir, log()));

            assertEquals(
                    server.baseUri() + " knows no run test_orchestrator:" + RUN_KEY + "-" + BUILD_ID + " (unknown"
                            + " run): check fastCi.runKey and the build id, and that the run ended less than an hour"
                            + " ago",
                    e.getMessage());
            IOException refused =
                    assertThrows(IOException.class, () -> new ReportExchange(server.baseUri(), Secret.of("not-the-key"))
                            .fetch("test_orchestrator:" + RUN_KEY + "-" + BUILD_ID));
            assertTrue(refused.getMessage().contains("refused the secret key"), refused.getMessage());
        }
    }

    private Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", BUILD_ID);
        params.put("run_key", RUN_KEY);
        params.put("commit", "abc1234");
        params.put("branch", "main");
        return params;
    }

    /** Runs one machine of the build, as its CI job would; returns the reports it wrote, by file name. */
    private Map<String, String> run(URI server, String machine, int forkCount) {
        try {
            Path reports = dir.resolve(machine);
            List<Path> classPath = TestJvm.classPath();
            ForkOptions forks = new ForkOptions(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    List.of(),
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
            RunPlan plan = new RunPlan(CLASSES, forkCount, forks, true, RUN_KEY, reports, null, null);
            new RemoteRun(
                            plan,
                            server,
                            secret,
                            params(),
                            Fallback.OFF,
                            new Retry(Map.of(), false, false, "a test"),
                            log())
                    .execute();
            return reports(reports);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(machine + " could not run: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> reports(Path directory) throws IOException {
        Map<String, String> reports = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return reports;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("TEST-") && name.endsWith(".xml")) {
                    reports.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return reports;
    }

    private RunLog log() {
        return log;
    }
}
