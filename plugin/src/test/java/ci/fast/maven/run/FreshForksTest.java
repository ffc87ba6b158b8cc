package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forks that are not reused ({@code reuseForks=false}), with real JVMs and a real orchestrator: each class runs in a
 * JVM of its own whose fork number is its slot's, every class has one result on the server and one report, a JVM that
 * dies in its class is that class's crash only, the timeout is each JVM's, and a JVM that never connects is replaced.
 */
class FreshForksTest {
    private static final String SAMPLES = "ci.fast.maven.run.samples.fresh.";

    @TempDir
    Path dir;

    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(180)
    void eachClassRunsInAJvmOfItsOwnNumberedAsItsSlotAndAHaltedJvmLosesOnlyItsClass() throws Exception {
        List<String> classes = List.of("Alone1", "Alone2", "Halts", "Alone3", "Alone4").stream()
                .map(name -> SAMPLES + name)
                .toList();
        RecordingListener recorder = new RecordingListener();

        Run run = run(classes, 2, Duration.ZERO, 0, recorder);

        Map<String, String[]> trails = trails();
        assertEquals(Set.of("Alone1", "Alone2", "Halts", "Alone3", "Alone4"), trails.keySet(), "each class ran");
        Set<String> pids = new HashSet<>();
        for (Map.Entry<String, String[]> trail : trails.entrySet()) {
            pids.add(trail.getValue()[0]);
            assertTrue(
                    Set.of("1", "2").contains(trail.getValue()[1]),
                    trail.getKey() + " ran on fork number " + trail.getValue()[1]);
            assertEquals("1", trail.getValue()[2], trail.getKey() + " shared its JVM with another class");
        }
        assertEquals(5, pids.size(), "one JVM per class: " + pids);
        assertEquals(1, run.problems().size(), String.join("\n", run.problems()));
        assertTrue(
                run.problems()
                        .get(0)
                        .matches("fork [12]: the forked JVM exited with code 3 before finishing; lost "
                                + SAMPLES.replace(".", "\\.") + "Halts"),
                run.problems().get(0));
        assertEquals(5, run.sink().summary().testsRun(), "each class reported once");
        assertEquals(1, run.sink().summary().errors(), "the halted class is an error");
        assertEquals(List.of(), run.unfinished(), "every class has a result on the server");
        assertEquals(0, run.duplicates(), "no class ran twice");
        for (ClassRun ran : recorder.runs()) {
            String slot = trails.get(ran.result().className().substring(SAMPLES.length()))[1];
            assertEquals(slot, Integer.toString(ran.fork()), ran.result().className() + "'s lane");
        }
    }

    @Test
    @Timeout(180)
    void theTimeoutIsEachJvmsNotTheSlots() throws Exception {
        List<String> classes = List.of(SAMPLES + "Alone1", SAMPLES + "Alone2", SAMPLES + "Alone3");

        // Each class works 3 s: the three together outlive 8 s on one slot, each alone does not.
        Run run = run(classes, 1, Duration.ofSeconds(8), 3000, new RecordingListener());

        assertEquals(List.of(), run.problems());
        assertEquals(3, run.sink().summary().testsRun());
        assertEquals(0, run.sink().summary().errors());
        assertEquals(3, trails().size());
    }

    @Test
    @Timeout(120)
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in JVM is a shell script")
    void aJvmThatNeverConnectsIsReplacedForItsClassUntilTheReplacementsRunOut() throws Exception {
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec sleep 600\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        ForkOptions forks = new ForkOptions(
                        java,
                        List.of(),
                        List.of(),
                        List.of(),
                        dir,
                        Map.of(),
                        dir.resolve("scratch"),
                        Duration.ZERO,
                        ForkOptions.DEFAULT_EXIT_TIMEOUT,
                        ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                        List.of(),
                        null)
                .withConnectTimeout(Duration.ofMillis(500));

        Run run = assertTimeoutPreemptively(
                Duration.ofSeconds(90), () -> run(forks, List.of("com.acme.ATest"), 1, new RecordingListener()));

        int jvmsStarted = 1 + Fleet.replacements(1);
        assertEquals(jvmsStarted + 1, run.problems().size(), String.join("\n", run.problems()));
        for (String problem : run.problems().subList(0, jvmsStarted)) {
            assertTrue(problem.contains("did not connect back within 500 ms and was killed"), problem);
        }
        assertTrue(
                run.problems().get(jvmsStarted).startsWith("fork 1 died before it started com.acme.ATest"),
                run.problems().get(jvmsStarted));
        assertTrue(run.problems().get(jvmsStarted).endsWith("no replacement left (3 used)"));
        assertEquals(jvmsStarted - 1, warnings.size(), String.join("\n", warnings));
        assertTrue(warnings.get(0).endsWith("; a new JVM runs it"), warnings.get(0));
        assertEquals(List.of("com.acme.ATest"), run.unfinished(), "back in the queue, for LocalRun to report");
    }

    /** What a run left: its problems, its sink, and the server's view of it. */
    private record Run(List<String> problems, ResultSink sink, List<String> unfinished, int duplicates) {}

    private Run run(List<String> classes, int forkCount, Duration timeout, long sleepMillis, ResultListener recorder)
            throws Exception {
        List<Path> classPath = TestJvm.classPath();
        Files.createDirectories(dir.resolve("trail"));
        ForkOptions forks = new ForkOptions(
                Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(
                        "-Dfresh.trail=" + dir.resolve("trail"),
                        "-Dfresh.slot=${surefire.forkNumber}",
                        "-Dfresh.sleepMillis=" + sleepMillis),
                classPath,
                classPath,
                dir,
                Map.of(),
                dir.resolve("scratch"),
                timeout,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
        return run(forks, classes, forkCount, recorder);
    }

    private Run run(ForkOptions forks, List<String> classes, int forkCount, ResultListener recorder) throws Exception {
        Secret secret = Secret.random();
        Orchestrator orchestrator = new Orchestrator(line -> {});
        String buildId = "fresh-" + UUID.randomUUID();
        String topic = Events.topic("junit-fresh", buildId);
        Path reports = dir.resolve("reports");
        RunPlan plan = new RunPlan(classes, forkCount, forks, false, "junit-fresh", reports, null, null);
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
        List<ResultListener> listeners = new ArrayList<>(Reporting.listeners(reports, ReportOptions.DEFAULTS, log));
        listeners.add(recorder);
        ResultSink sink = new ResultSink(InstantSource.system(), log, false, ReportLayout.SUREFIRE, listeners);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", buildId);
        params.put("run_key", "junit-fresh");
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator)) {
            // No recorder: the slots' nodes live on and send every result themselves.
            List<String> problems = Fleet.run(plan, server::baseUri, secret, params, Map.of(), sink, log, null);
            return new Run(problems, sink, orchestrator.unfinished(topic), orchestrator.duplicates(topic));
        }
    }

    /** Each sample class's trail: pid, fork number, classes its JVM had run. */
    private Map<String, String[]> trails() throws IOException {
        Map<String, String[]> trails = new LinkedHashMap<>();
        try (var files = Files.list(dir.resolve("trail"))) {
            for (Path file : files.toList()) {
                trails.put(file.getFileName().toString(), Files.readString(file).split(" "));
            }
        }
        return trails;
    }
}
