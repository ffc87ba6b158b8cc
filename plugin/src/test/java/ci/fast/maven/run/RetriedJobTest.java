package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retried CI job with our own server, end to end: a server as {@code fast-ci:serve} runs it on an ephemeral port,
 * two machines of a first attempt (one with two forks, one with one, all real JVMs) share its queue, then each is
 * retried as the CI retries a failed job: the first reruns exactly the classes it ran ({@code fastCi.retry=all}), the
 * second exactly those of its classes that failed ({@code fastCi.retry=failed}); a retried job the server knows
 * nothing of says so in one line and runs every class, as a new run.
 */
class RetriedJobTest {
    private static final List<String> CLASSES = IntStream.rangeClosed(1, 8)
            .mapToObj(i -> "ci.fast.maven.run.samples.retry.Retried" + i)
            .toList();
    /** The classes whose test fails, in every attempt. */
    private static final Set<String> FAILING = Set.of(
            "ci.fast.maven.run.samples.retry.Retried2",
            "ci.fast.maven.run.samples.retry.Retried4",
            "ci.fast.maven.run.samples.retry.Retried6",
            "ci.fast.maven.run.samples.retry.Retried8");

    private static final String RUN_KEY = "junit-retry";
    private static final String LINEAGE = RUN_KEY + "-4242-test";

    @TempDir
    Path dir;

    private final Secret secret = Secret.random();
    private final List<String> info = new CopyOnWriteArrayList<>();

    @Test
    @Timeout(240)
    void eachRetriedNodeRerunsWhatItRanInTheEarlierAttempt() throws Exception {
        try (OrchestratorServer server = OrchestratorServer.start(
                "127.0.0.1", 0, secret, Orchestrator.builder().build())) {
            URI uri = server.baseUri();
            CompletableFuture<Set<String>> first = CompletableFuture.supplyAsync(
                    () -> run(uri, "first-1", 2, attempt("4242-1-test", "test/0", "machine-a", false, false)));
            CompletableFuture<Set<String>> second = CompletableFuture.supplyAsync(
                    () -> run(uri, "second-1", 1, attempt("4242-1-test", "test/1", "machine-b", false, false)));
            Set<String> ranByFirst = first.get();
            Set<String> ranBySecond = second.get();

            assertEquals(new TreeSet<>(CLASSES), union(ranByFirst, ranBySecond), "the first attempt ran every class");
            assertTrue(disjoint(ranByFirst, ranBySecond), "once: " + ranByFirst + " and " + ranBySecond);
            assertFalse(ranByFirst.isEmpty() || ranBySecond.isEmpty(), "both machines worked: " + ranBySecond);

            Set<String> rerunAll = run(uri, "first-2", 2, attempt("4242-2-test", "test/0", "machine-c", true, false));
            Set<String> rerunFailed =
                    run(uri, "second-2", 1, attempt("4242-2-test", "test/1", "machine-d", true, true));

            assertEquals(ranByFirst, rerunAll, "fastCi.retry=all: every class the node ran, and no other");
            assertEquals(
                    ranBySecond.stream().filter(FAILING::contains).collect(Collectors.toCollection(TreeSet::new)),
                    rerunFailed,
                    "fastCi.retry=failed: the node's failed classes, and no other");
            assertTrue(
                    info.contains("FastCI retry (fastCi.retry=all): node test/0 reruns the " + ranByFirst.size()
                            + " classes it ran in build 4242-1-test"),
                    "one line says what the retry runs: " + info);

            System.out.printf(
                    "[retry] attempt 1: machine a ran %s, machine b ran %s; attempt 2: a reran %s (all), b reran %s"
                            + " (failed)%n",
                    ranByFirst, ranBySecond, rerunAll, rerunFailed);
            Set<String> unknown = run(uri, "third-2", 1, attempt("4242-2-test", "test/2", "machine-e", true, false));

            assertEquals(new TreeSet<>(CLASSES), unknown, "a node the server knows nothing of runs as a new run");
            assertTrue(
                    info.contains("FastCI retry (fastCi.retry=all): " + uri + " it keeps no earlier attempt of node"
                            + " test/2; running as a new run, every class shared with the other nodes of this"
                            + " attempt"),
                    "one line says why: " + info);
        }
    }

    @Test
    @Timeout(120)
    void aRetriedJobOnAServerThatIsNotOursSaysSoAndRunsAsANewRun() throws Exception {
        // The cloud's way: its upgrade answer does not say it is ours, so the node asks it nothing and names no CI
        // node.
        try (OrchestratorServer cloud = OrchestratorServer.start(
                "127.0.0.1", 0, secret, Orchestrator.builder().build(), false)) {
            Set<String> ran =
                    run(cloud.baseUri(), "cloud-2", 1, attempt("4242-2-test", "test/0", "machine-f", true, false));

            assertEquals(new TreeSet<>(CLASSES), ran);
            assertTrue(
                    info.contains("FastCI retry (fastCi.retry=all): " + cloud.baseUri() + " is not our own server"
                            + " (fast-ci:serve), the only one that keeps what each node ran; running as a new run,"
                            + " every class shared with the other nodes of this attempt"),
                    "one line says why: " + info);
        }
    }

    private static Retry attempt(String buildId, String node, String machine, boolean retry, boolean failedOnly) {
        Map<String, String> ciNode = new LinkedHashMap<>();
        ciNode.put(Retry.LINEAGE, LINEAGE);
        ciNode.put(Retry.ATTEMPT, buildId);
        ciNode.put(Retry.NODE, node);
        ciNode.put(Retry.MACHINE, machine);
        return new Retry(ciNode, retry, failedOnly, null);
    }

    /** Runs one machine of one attempt, as its CI job would; returns the classes it reported. */
    private Set<String> run(URI server, String machine, int forkCount, Retry retry) {
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
            Map<String, String> params = new LinkedHashMap<>();
            params.put("build_id", retry.ciNode().get(Retry.ATTEMPT));
            params.put("run_key", RUN_KEY);
            params.put("commit", "abc1234");
            params.put("branch", "main");
            new RemoteRun(plan, server, secret, params, Fallback.OFF, retry, log()).execute();
            return reported(reports);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(machine + " could not run: " + e.getMessage(), e);
        }
    }

    private static Set<String> reported(Path reports) throws IOException {
        if (!Files.isDirectory(reports)) {
            return new TreeSet<>();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("TEST-") && name.endsWith(".xml"))
                    .map(name -> name.substring("TEST-".length(), name.length() - ".xml".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private RunLog log() {
        return new RunLog() {
            @Override
            public void info(String line) {
                info.add(line);
            }

            @Override
            public void warn(String line) {}

            @Override
            public void error(String line) {}

            @Override
            public void debug(String line) {}
        };
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean disjoint(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.isEmpty();
    }
}
