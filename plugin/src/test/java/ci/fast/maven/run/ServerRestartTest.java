package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.report.ReportLayout;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.results.ClassRun;
import ci.fast.maven.results.ClassStart;
import ci.fast.maven.results.ResultListener;
import ci.fast.maven.server.PgDatabase;
import ci.fast.maven.server.PgStore;
import ci.fast.maven.server.RunId;
import ci.fast.maven.server.SqlStore;
import ci.fast.maven.server.StoredRun;
import ci.fast.maven.server.TestPostgres;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, as a user meets it: a {@code fast-ci:serve}-like server in a JVM of its own, on a data directory, serves a
 * real run of 2 forks over 40 classes; a third of the way in it is killed (SIGKILL: {@link Process#destroyForcibly}),
 * and a new server started on the same directory and port carries the run on. The forks reconnect and rejoin; every
 * class runs once and is reported once, and the store has each result once. On a store in memory the new server
 * knows nothing of the run: the forks' rejoin makes a new node 0, which enqueues the suite again, and classes run twice.
 * The same on PostgreSQL; and two replicas on one PostgreSQL database behind a load balancer, one killed mid-run: its
 * forks rejoin the other, which carries their classes on.
 */
class ServerRestartTest {
    private static final List<String> CLASSES = IntStream.rangeClosed(1, 40)
            .mapToObj(i -> String.format("ci.fast.maven.run.samples.durable.Durable%02d", i))
            .toList();
    /** The results seen before the kill: enough that the run is under way, few enough that most of it is left. */
    private static final int KILL_AFTER = 12;

    @TempDir
    Path dir;

    @Test
    @Timeout(180) // well under the nodes' 3-minute reconnect window: a run that waited out a grace fails here
    void aServerKilledMidRunAndStartedAgainOnItsStoreRunsEveryClassOnce() throws Exception {
        Path data = dir.resolve("server");
        RunId id = killMidRunAndStartAgain(data, "sqlite", Map.of());

        try (SqlStore store = SqlStore.open(data)) {
            assertEveryClassOnce(store.open(id));
        }
    }

    @Test
    @Timeout(180)
    @ExtendWith(TestPostgres.Extension.class)
    void aServerKilledMidRunAndStartedAgainOnPostgresRunsEveryClassOnce(TestPostgres pg) throws Exception {
        PgDatabase database = pg.newDatabase();
        RunId id = killMidRunAndStartAgain(
                dir.resolve("server"),
                "pg",
                Map.of(
                        "FAST_CI_DATABASE", database.url(),
                        "FAST_CI_DATABASE_USER", database.user(),
                        "FAST_CI_DATABASE_PASSWORD", database.password().reveal()));

        try (PgStore store = PgStore.open(database)) {
            assertEveryClassOnce(store.open(id));
        }
    }

    /**
     * Two replicas on one PostgreSQL database behind a load balancer serve one run whose forks are split over them; a
     * third of the way in, one is killed (SIGKILL), and its forks reconnect through the balancer to the other, which
     * carries their classes on: every class runs once and is reported once.
     */
    @Test
    @Timeout(180)
    @ExtendWith(TestPostgres.Extension.class)
    void aReplicaKilledMidRunLeavesItsNodesToTheOtherAndEveryClassRunsOnce(TestPostgres pg) throws Exception {
        PgDatabase database = pg.newDatabase();
        Map<String, String> env = Map.of(
                "FAST_CI_DATABASE", database.url(),
                "FAST_CI_DATABASE_USER", database.user(),
                "FAST_CI_DATABASE_PASSWORD", database.password().reveal());
        Secret secret = Secret.random();
        String buildId = "replicas-" + UUID.randomUUID();
        String runKey = "junit-replicas";
        CountDownLatch underWay = new CountDownLatch(KILL_AFTER);
        RecordingListener recorder = new RecordingListener();
        ResultListener killPoint = new ResultListener() {
            @Override
            public void classCompleted(ClassRun run) {
                underWay.countDown();
            }
        };
        int portA = freePort();
        int portB = freePort();
        Process a = startServer(dir.resolve("a"), portA, secret, "replica-a", "pg", env);
        Process b = startServer(dir.resolve("b"), portB, secret, "replica-b", "pg", env);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TestBalancer balancer = new TestBalancer(List.of(portA, portB))) {
            Future<List<String>> run =
                    pool.submit(() -> run(balancer.port(), secret, buildId, runKey, recorder, killPoint));
            assertTrue(
                    underWay.await(90, TimeUnit.SECONDS),
                    "the run got under way: " + recorder.runs().size());
            assertTrue(
                    Files.readString(dir.resolve("replica-a-server.log")).contains(" joined "),
                    "a node joined the first replica");
            assertTrue(
                    Files.readString(dir.resolve("replica-b-server.log")).contains(" joined "),
                    "a node joined the second replica");
            a.destroyForcibly();
            assertTrue(a.waitFor(30, TimeUnit.SECONDS), "the first replica is dead");
            int before = recorder.runs().size();

            List<String> problems = run.get(150, TimeUnit.SECONDS);

            assertTrue(before < CLASSES.size(), "killed mid-run, after " + before + " classes");
            assertEquals(List.of(), problems);
            assertEquals(Map.of(), notOnce(recorder.starts(), ClassStart::className), "classes not run exactly once");
            assertEquals(Map.of(), notOnce(recorder.runs(), ClassRun::className), "classes not reported exactly once");
            assertTrue(
                    Files.readString(dir.resolve("replica-b-server.log")).contains(" rejoined "),
                    "the first replica's nodes rejoined the second");
        } finally {
            pool.shutdownNow();
            a.destroyForcibly();
            b.destroyForcibly();
            b.waitFor(30, TimeUnit.SECONDS);
        }
        try (PgStore store = PgStore.open(database)) {
            assertEveryClassOnce(store.open(new RunId(Events.topic(runKey, buildId), runKey)));
        }
    }

    /** Kills the server a third of the way through a run and starts another on its store; returns the run's id. */
    private RunId killMidRunAndStartAgain(Path data, String kind, Map<String, String> env) throws Exception {
        Secret secret = Secret.random();
        int port = freePort(); // once: the nodes reconnect to the address they were given
        String buildId = "restart-" + UUID.randomUUID();
        String runKey = "junit-restart";
        CountDownLatch underWay = new CountDownLatch(KILL_AFTER);
        RecordingListener recorder = new RecordingListener();
        ResultListener killPoint = new ResultListener() {
            @Override
            public void classCompleted(ClassRun run) {
                underWay.countDown();
            }
        };

        Process first = startServer(data, port, secret, "first", kind, env);
        Process second = null;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> run = pool.submit(() -> run(port, secret, buildId, runKey, recorder, killPoint));
            assertTrue(
                    underWay.await(90, TimeUnit.SECONDS),
                    "the run got under way: " + recorder.runs().size());
            first.destroyForcibly();
            assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the first server is dead");
            int before = recorder.runs().size();
            second = startServer(data, port, secret, "second", kind, env);

            List<String> problems = run.get(150, TimeUnit.SECONDS);

            assertTrue(before < CLASSES.size(), "killed mid-run, after " + before + " classes");
            assertEquals(List.of(), problems);
            assertEquals(Map.of(), notOnce(recorder.starts(), ClassStart::className), "classes not run exactly once");
            assertEquals(Map.of(), notOnce(recorder.runs(), ClassRun::className), "classes not reported exactly once");
        } finally {
            pool.shutdownNow();
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly();
                second.waitFor(30, TimeUnit.SECONDS);
            }
        }
        return new RunId(Events.topic(runKey, buildId), runKey);
    }

    private static void assertEveryClassOnce(StoredRun stored) {
        assertEquals(CLASSES, stored.classes(), "enqueued once");
        assertTrue(CLASSES.stream().allMatch(stored::hasResult), "every class has its result on the server");
        assertEquals(0, stored.duplicates(), "no result came twice");
    }

    private List<String> run(int port, Secret secret, String buildId, String runKey, ResultListener... extra)
            throws Exception {
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
        Path reports = dir.resolve("reports");
        RunPlan plan = new RunPlan(CLASSES, 2, forks, true, runKey, reports, null, null);
        List<ResultListener> listeners =
                new ArrayList<>(Reporting.listeners(reports, ReportOptions.DEFAULTS, TestJvm.QUIET));
        listeners.addAll(List.of(extra));
        ResultSink sink =
                new ResultSink(InstantSource.system(), TestJvm.QUIET, false, ReportLayout.SUREFIRE, listeners);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", buildId);
        params.put("run_key", runKey);
        params.put("commit", "local");
        params.put("branch", "local");
        URI server = URI.create("ws://127.0.0.1:" + port);
        // Remote mode: no recorder, the server is another process.
        return Fleet.run(plan, () -> server, secret, params, Map.of(), sink, TestJvm.QUIET, null);
    }

    /** Starts {@link StoreServer} in a JVM of its own and waits until it accepts; its output goes to a log file. */
    private Process startServer(Path data, int port, Secret secret, String name, String kind, Map<String, String> env)
            throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                TestJvm.classPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                StoreServer.class.getName(),
                data.toString(),
                Integer.toString(port),
                kind);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FAST_CI_SECRET_KEY", secret.reveal());
        builder.environment().putAll(env);
        Process process = builder.start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        Path log = dir.resolve(name + "-server.log");
        Thread pump = new Thread(() -> pump(process, log, ready), name + "-server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the " + name + " server did not start: " + Files.readString(log), e);
        }
        return process;
    }

    private static void pump(Process process, Path log, CompletableFuture<String> ready) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.startsWith(StoreServer.READY)) {
                    ready.complete(line);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("the server's output ended"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** How often each class of {@link #CLASSES} that was not seen exactly once in {@code events} was. */
    private static <T> Map<String, Long> notOnce(List<T> events, Function<T, String> key) {
        Map<String, Long> counts =
                events.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
        Map<String, Long> wrong = new TreeMap<>();
        for (String name : CLASSES) {
            long seen = counts.getOrDefault(name, 0L);
            if (seen != 1) {
                wrong.put(name, seen);
            }
        }
        return wrong;
    }
}
