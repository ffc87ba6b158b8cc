package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.faults.FaultProxy;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ClassStart;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.io.IOException;
import java.net.URI;
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
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite with real forked JVMs: two forks run eight classes against a real orchestrator through a
 * {@link FaultProxy}, which cuts every connection once two classes have reports. The forks reconnect, rejoin and
 * resend; every class has exactly one report and one result on the server, no fork fails, and the run ends within
 * the test's timeout. Prints the figures.
 */
class ForkFaultsTest {
    private static final List<String> CLASSES = IntStream.rangeClosed(1, 8)
            .mapToObj(i -> "ci.fast.maven.run.samples.Work" + i)
            .toList();

    private static final Pattern OUTAGE =
            Pattern.compile("fast-ci: connection to ws://127\\.0\\.0\\.1:\\d+ lost \\(.+\\);"
                    + " back after \\d+\\.\\d s and \\d+ tr(y|ies) as the same node [01], \\d+ results? resent");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void forksWhoseConnectionsAreCutMidRunReconnectAndLoseNothing() throws Exception {
        Secret secret = Secret.random();
        Orchestrator orchestrator = new Orchestrator(line -> {});
        String buildId = "fork-faults-" + UUID.randomUUID();
        String topic = Events.topic("junit-fork-faults", buildId);
        Path reports = dir.resolve("reports");
        List<String> dropped = new CopyOnWriteArrayList<>();
        List<String> info = new CopyOnWriteArrayList<>();
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator);
                FaultProxy proxy = new FaultProxy(server.port())) {
            List<Path> classPath = TestJvm.classPath();
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
            RunPlan plan = new RunPlan(CLASSES, 2, forks, true, "junit-fork-faults", reports, null, null);
            RunLog log = new RunLog() {
                @Override
                public void info(String line) {
                    info.add(line);
                }

                @Override
                public void warn(String line) {}

                @Override
                public void error(String line) {}

                @Override
                public void debug(String line) {
                    if (line.startsWith("dropped a second result")) {
                        dropped.add(line);
                    }
                }
            };
            RecordingListener recorder = new RecordingListener();
            List<ResultListener> listeners = new ArrayList<>(Reporting.listeners(reports, ReportOptions.DEFAULTS, log));
            listeners.add(recorder);
            ResultSink sink = new ResultSink(InstantSource.system(), log, false, ReportLayout.SUREFIRE, listeners);
            Map<String, String> params = new LinkedHashMap<>();
            params.put("build_id", buildId);
            params.put("run_key", "junit-fork-faults");
            params.put("commit", "local");
            params.put("branch", "local");
            Thread cutter = new Thread(() -> cutOnceTwoReportsExist(reports, proxy));
            cutter.setDaemon(true);
            cutter.start();
            long start = System.nanoTime();

            List<String> problems = Fleet.run(
                    plan,
                    () -> URI.create("ws://127.0.0.1:" + proxy.port()),
                    secret,
                    params,
                    Map.of(),
                    sink,
                    log,
                    (results, unstarted) -> orchestrator.record(topic, results, unstarted));

            double seconds = (System.nanoTime() - start) / 1e9;
            cutter.join();
            assertEquals(List.of(), problems);
            assertEquals(1, proxy.faults(), "the cut happened");
            assertTrue(proxy.accepted() > 2, "the forks connected again: " + proxy.accepted() + " connections");
            for (String key : CLASSES) {
                assertTrue(sink.hasReported(key), key + " has no report");
                assertTrue(Files.isRegularFile(reports.resolve("TEST-" + key + ".xml")), key);
            }
            assertEquals(CLASSES.size(), sink.summary().testsRun(), "each class reported once");
            assertEquals(List.of(), orchestrator.unfinished(topic), "every class has a result on the server");
            assertEquals(List.of(), dropped, "no duplicate report");
            assertEquals(CLASSES.size(), recorder.runs().size(), "each class reaches the listeners once");
            // Each fork's outage is one whole line of the build's log, printed by the node in the fork.
            List<String> outages = info.stream()
                    .filter(line -> line.contains("fast-ci: connection to "))
                    .toList();
            assertTrue(!outages.isEmpty(), "no outage line in the log: " + info);
            for (String line : outages) {
                assertTrue(OUTAGE.matcher(line).matches(), "not one whole line: " + line);
            }
            assertTrue(info.stream().noneMatch(String::isBlank), "a blank line in the log: " + info);
            assertEquals(outages.size(), recorder.reconnects(), "each outage reaches the listeners (the timeline)");
            for (ClassRun run : recorder.runs()) {
                assertTrue(run.fork() == 1 || run.fork() == 2, run.className() + " ran on fork " + run.fork());
                assertTrue(
                        recorder.starts().contains(new ClassStart(run.fork(), run.className(), run.start())),
                        run + " has not the start its fork announced: " + recorder.starts());
            }
            System.out.printf(
                    "[fault suite] real forks, connections cut mid-run: faults injected %d, connections %d, outage"
                            + " lines %d, classes lost 0, duplicate reports 0, server duplicates %d, run %.1f s%n",
                    proxy.faults(), proxy.accepted(), outages.size(), orchestrator.duplicates(topic), seconds);
        }
    }

    /** Cuts every connection once two classes have reports: the forks are mid-run, holding batches. */
    private static void cutOnceTwoReportsExist(Path reports, FaultProxy proxy) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.exists(reports) ? Files.list(reports) : Stream.empty()) {
                if (files.filter(f -> f.getFileName().toString().startsWith("TEST-"))
                                .count()
                        >= 2) {
                    proxy.cutAll();
                    return;
                }
            } catch (IOException e) {
                // the directory is being written: look again
            }
            Thread.onSpinWait();
        }
    }
}
