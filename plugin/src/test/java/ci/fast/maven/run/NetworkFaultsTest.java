package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.faults.FaultProxy;
import ci.fast.maven.faults.ScaledScheduler;
import ci.fast.maven.orchestration.NodeSession;
import ci.fast.maven.orchestration.TestSide;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportOptions;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network half of the fault-injection suite: three real node sessions over real sockets, through a
 * {@link FaultProxy}, against a real orchestrator, with reports written by the run's own {@link ResultSink}. Each
 * case breaks the network mid-run and asserts that every class has exactly one report and one result on the server,
 * that the build's outcome is the one its tests deserve, and that the run ends within a bound; it prints the figures.
 */
class NetworkFaultsTest {
    private static final int CLASSES = 24;
    private static final int NODES = 3;
    private static final String FAILING = "com.acme.faults.Class07Test";
    /** Heartbeat 1 s, backoff steps from 0.3 ms, and a reconnect bound of 10 s of real time. */
    private static final int TIME_DIVISOR = 30;

    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path reports;

    private final Secret secret = Secret.random();
    private final String topic = Events.topic("junit-faults", "faults-" + UUID.randomUUID());
    private final List<String> classes = IntStream.rangeClosed(1, CLASSES)
            .mapToObj(i -> String.format("com.acme.faults.Class%02dTest", i))
            .toList();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger secondResults = new AtomicInteger();
    private final AtomicLong faultAt = new AtomicLong();
    private final AtomicLong recoveredAt = new AtomicLong();
    private final Orchestrator orchestrator = new Orchestrator(line -> {});
    private ResultSink sink;
    private volatile OrchestratorServer server;
    private FaultProxy proxy;
    private int restarts;
    /** Told the global number of each batch as a node starts running it; where a case injects its fault. */
    private volatile IntConsumer onBatch = n -> {};

    @BeforeEach
    void startServerAndProxy() throws Exception {
        sink = Reporting.sink(reports, ReportOptions.DEFAULTS, new QuietLog());
        server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator);
        proxy = new FaultProxy(server.port());
    }

    @AfterEach
    void stopEverything() throws Exception {
        proxy.close();
        server.close();
    }

    @Test
    void cutOfEveryConnectionMidRunLosesNothing() throws Exception {
        onBatch = at(3, proxy::cutAll);

        Figures figures = runAndCheck("cut mid-run");

        assertTrue(figures.reconnects >= 1, "some node reconnected: " + figures);
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 11L})
    void cutAtARandomBatchLosesNothing(long seed) throws Exception {
        int batch = 1 + new Random(seed).nextInt(6);
        onBatch = at(batch, proxy::cutAll);

        Figures figures = runAndCheck("cut at random batch " + batch + " (seed " + seed + ")");

        assertTrue(figures.reconnects >= 1, "some node reconnected: " + figures);
    }

    @Test
    void serverRestartOnTheSamePortWithTheSameRunStateLosesNothing() throws Exception {
        onBatch = at(3, this::restartServer);

        Figures figures = runAndCheck("server restart");

        assertTrue(figures.reconnects >= 1, "some node reconnected: " + figures);
    }

    @Test
    void stallPastTheHeartbeatIsNoticedAndHealed() throws Exception {
        onBatch = at(3, proxy::stallAll);

        Figures figures = runAndCheck("stall past heartbeat");

        assertTrue(figures.reconnects >= 1, "a stalled node reconnected: " + figures);
    }

    @Test
    void loneNodeCutMidBatchResendsItsResultsInsteadOfRunningThemAgain() throws Exception {
        onBatch = at(2, proxy::cutAll);

        Figures figures = runAndCheck("lone node cut mid-batch", 1);

        assertEquals(1, figures.reconnects, "the node reconnected once: " + figures);
        assertEquals(0, figures.rerun, "the resent results were kept, nothing ran twice: " + figures);
    }

    @Test
    void delayedFramesSlowTheRunButLoseNothing() throws Exception {
        proxy.delay(Duration.ofMillis(40));

        runAndCheck("delay 40 ms per chunk");
    }

    /** Runs {@code fault} once, when the {@code n}th batch starts. */
    private IntConsumer at(int n, Runnable fault) {
        return number -> {
            if (number == n) {
                faultAt.set(System.nanoTime());
                fault.run();
            }
        };
    }

    /** Stops the server and starts a new one on its port over the same orchestrator: the run's state survives. */
    private void restartServer() {
        int port = server.port();
        server.close();
        restarts++;
        try {
            server = OrchestratorServer.start("127.0.0.1", port, secret, orchestrator);
        } catch (Exception e) {
            throw new IllegalStateException("could not restart the server on port " + port, e);
        }
    }

    private Figures runAndCheck(String fault) throws Exception {
        return runAndCheck(fault, NODES);
    }

    private Figures runAndCheck(String fault, int nodes) throws Exception {
        long start = System.nanoTime();
        List<NodeSession> sessions = new ArrayList<>();
        List<CompletableFuture<NodeSession.Outcome>> outcomes = new ArrayList<>();
        for (int node = 0; node < nodes; node++) {
            NodeSession session = session(node);
            sessions.add(session);
            outcomes.add(CompletableFuture.supplyAsync(() -> runQuietly(session)));
        }
        for (CompletableFuture<NodeSession.Outcome> outcome : outcomes) {
            assertTrue(
                    Set.of(NodeSession.Outcome.DONE, NodeSession.Outcome.RUN_FINISHED)
                            .contains(outcome.get(BOUND.toSeconds(), TimeUnit.SECONDS)),
                    "every node ends well");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        Set<String> reported = reportedClasses();
        int lost = (int) classes.stream().filter(c -> !reported.contains(c)).count();
        int duplicateReports = duplicateReports();
        Figures figures = new Figures(
                fault,
                proxy.faults() + restarts,
                lost,
                duplicateReports,
                secondResults.get(),
                orchestrator.duplicates(topic),
                sessions.stream().mapToInt(NodeSession::reconnects).sum(),
                recoveryMillis(),
                millis);
        System.out.println("[fault suite] " + figures);

        assertEquals(new TreeSet<>(classes), reported, "one report per class");
        assertEquals(0, lost, "classes lost");
        assertEquals(0, duplicateReports, "duplicate reports");
        assertEquals(0, figures.rerun, "a cut node keeps its batch: nothing ran twice");
        assertEquals(0, figures.serverDuplicates, "a resend is no second result");
        assertEquals(List.of(), orchestrator.unfinished(topic), "every class has its result on the server");
        assertEquals(1, sink.summary().failures(), "the one failing test fails the build");
        assertEquals(0, sink.summary().errors(), "no class was recorded lost");
        assertTrue(figures.faults >= 1, "a fault was injected");
        return figures;
    }

    private NodeSession.Outcome runQuietly(NodeSession session) {
        try {
            return session.run();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private NodeSession session(int node) {
        Map<String, String> params = Map.of("build_id", "faults", "run_key", "junit-faults");
        ServerAddress address = new ServerAddress(URI.create("ws://127.0.0.1:" + proxy.port()), secret, params);
        SimulatedTests tests = new SimulatedTests();
        tests.session = new NodeSession(
                address,
                topic,
                classes,
                tests,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                new ScaledScheduler("node-" + node, TIME_DIVISOR),
                new Backoff(Duration.ofMinutes(5)));
        return tests.session;
    }

    private Set<String> reportedClasses() throws Exception {
        try (Stream<Path> files = Files.list(reports)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("TEST-") && n.endsWith(".xml"))
                    .map(n -> n.substring("TEST-".length(), n.length() - ".xml".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Test cases beyond the one each report should hold: a result written twice into one file would show here. */
    private int duplicateReports() throws Exception {
        int extra = 0;
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".xml")).toList()) {
                String xml = Files.readString(file);
                extra += xml.split("<testcase ", -1).length - 2;
            }
        }
        return extra;
    }

    private long recoveryMillis() {
        long fault = faultAt.get();
        long recovered = recoveredAt.get();
        return fault == 0 || recovered == 0 || recovered < fault
                ? -1
                : TimeUnit.NANOSECONDS.toMillis(recovered - fault);
    }

    /**
     * The tests' side of a node: every class holds one test, which passes except in {@link #FAILING}; each result
     * goes to the sink as it completes, as a fork streams it to the mojo, before the node sends it to the server.
     */
    private final class SimulatedTests implements TestSide {

        /** The session this side belongs to; set before it runs. */
        NodeSession session;

        @Override
        public void batchReceived(List<String> batch) {
            // Recovered: a node that had lost its connection is handed work again.
            if (session.reconnects() > 0) {
                recoveredAt.compareAndSet(0, System.nanoTime());
            }
        }

        @Override
        public Map<String, List<Map<String, Object>>> run(List<String> batch) {
            onBatch.accept(batches.incrementAndGet());
            Map<String, List<Map<String, Object>>> results = new ConcurrentHashMap<>();
            for (String key : batch) {
                boolean fails = key.equals(FAILING);
                report(key, fails);
                Map<String, Object> test = fails
                        ? Map.of(
                                "name", "works()",
                                "status", "failed",
                                "seconds", 0.001,
                                "failure", "expected: <1> but was: <2>")
                        : Map.of("name", "works()", "status", "passed", "seconds", 0.001);
                results.put(key, List.of(test));
            }
            return results;
        }

        private void report(String key, boolean fails) {
            TestResult test = TestResult.builder("works()", key, fails ? Status.FAILED : Status.PASSED)
                    .seconds(0.001)
                    .failure(
                            fails ? "org.opentest4j.AssertionFailedError" : null,
                            fails ? "expected: <1> but was: <2>" : null,
                            fails ? "org.opentest4j.AssertionFailedError: expected: <1> but was: <2>" : null)
                    .build();
            synchronized (sink) {
                if (sink.hasReported(key)) {
                    secondResults.incrementAndGet();
                }
                sink.accept(ClassResult.builder(key)
                        .tests(List.of(test))
                        .seconds(0.001)
                        .build());
            }
        }
    }

    /**
     * What one case measured. {@code rerun}: results a node produced for a class another had reported already (the
     * class was requeued while its first node was cut off); the sink and the server keep the first.
     */
    private record Figures(
            String fault,
            int faults,
            int lost,
            int duplicateReports,
            int rerun,
            int serverDuplicates,
            int reconnects,
            long recoveryMillis,
            long runMillis) {
        @Override
        public String toString() {
            return fault + ": faults injected " + faults + ", classes lost " + lost + ", duplicate reports "
                    + duplicateReports + ", re-run results dropped " + rerun + ", server duplicates "
                    + serverDuplicates + ", reconnects " + reconnects + ", time to recover "
                    + (recoveryMillis < 0 ? "n/a" : recoveryMillis + " ms") + ", run " + runMillis + " ms";
        }
    }

    private static final class QuietLog implements RunLog {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}

        @Override
        public void error(String line) {}

        @Override
        public void debug(String line) {}
    }
}
