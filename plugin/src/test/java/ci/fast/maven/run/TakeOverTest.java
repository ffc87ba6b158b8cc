package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote mode with real forks against our real server, with its production reconnect grace (3 minutes): the first
 * fork dies after it was handed its batch and before it started any class of it (JUnit discovers the batch and one
 * class's display-name generator halts the JVM). It has no result to carry that would tell the server its node is
 * gone, so its replacement takes the node over with the token the server named it with, and is handed the batch at
 * once: the run ends in seconds, not after the grace, with every class run once.
 */
class TakeOverTest {
    private static final List<String> CLASSES = List.of(
            "ci.fast.maven.run.samples.takeover.HaltsInDiscovery",
            "ci.fast.maven.run.samples.Work1",
            "ci.fast.maven.run.samples.Work2");

    @TempDir
    Path dir;

    @Test
    @Timeout(120) // well under the grace: a replacement that waited it out would fail here
    void aForkThatDiedBeforeStartingItsBatchIsTakenOverAtOnce() throws Exception {
        Secret secret = Secret.random();
        Orchestrator orchestrator = new Orchestrator(line -> {});
        String buildId = "take-over-" + UUID.randomUUID();
        String topic = Events.topic("junit-take-over", buildId);
        Path reports = dir.resolve("reports");
        Path marker = dir.resolve("halted");
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator)) {
            List<Path> classPath = TestJvm.classPath();
            ForkOptions forks = new ForkOptions(
                    Path.of(System.getProperty("java.home"), "bin", "java"),
                    List.of("-Dtakeover.marker=" + marker),
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
            RunPlan plan = new RunPlan(CLASSES, 1, forks, true, "junit-take-over", reports, null, null);
            RunLog log = new RunLog() {
                @Override
                public void info(String line) {}

                @Override
                public void warn(String line) {
                    warnings.add(line);
                }

                @Override
                public void error(String line) {}

                @Override
                public void debug(String line) {}
            };
            RecordingListener recorder = new RecordingListener();
            List<ResultListener> listeners = new ArrayList<>(Reporting.listeners(reports, ReportOptions.DEFAULTS, log));
            listeners.add(recorder);
            ResultSink sink = new ResultSink(InstantSource.system(), log, false, ReportLayout.SUREFIRE, listeners);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("build_id", buildId);
            params.put("run_key", "junit-take-over");
            params.put("commit", "local");
            params.put("branch", "local");

            // No recorder: remote mode, where only the replacement fork can tell the server anything.
            List<String> problems = Fleet.run(plan, server::baseUri, secret, params, Map.of(), sink, log, null);

            assertTrue(Files.exists(marker), "the first fork halted in discovery");
            assertEquals(1, problems.size(), "fork 1's death, and nothing else: " + problems);
            assertTrue(problems.get(0).startsWith("fork 1: "), problems.get(0));
            assertTrue(
                    warnings.stream().anyMatch(w -> w.startsWith("fork 1 died") && w.endsWith("fork 2 replaces it")),
                    warnings::toString);
            for (String key : CLASSES) {
                assertTrue(Files.isRegularFile(reports.resolve("TEST-" + key + ".xml")), key + " has no report");
            }
            assertEquals(CLASSES.size(), recorder.runs().size(), "each class reported once");
            assertTrue(recorder.runs().stream().allMatch(run -> run.fork() == 2), "all ran on the replacement");
            assertEquals(List.of(), orchestrator.unfinished(topic), "every class has a result on the server");
            assertEquals(0, orchestrator.duplicates(topic));
        }
    }
}
