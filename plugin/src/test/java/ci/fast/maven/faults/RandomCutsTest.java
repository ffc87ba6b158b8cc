package ci.fast.maven.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.orchestration.NodeSession;
import ci.fast.maven.orchestration.Payloads;
import ci.fast.maven.orchestration.TestSide;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hundred seeded random cuts, and forks killed mid-batch, against real node sessions over real sockets through a
 * {@link FaultProxy} and a real orchestrator with its production reconnect grace. A cut node comes back as itself and
 * keeps its batch; a killed fork's node is given up on at once, its results recorded as the Maven side records them,
 * and a replacement goes on. Nothing is lost, nothing runs twice, no class is reported by two nodes, and the run ends
 * well within the grace: nothing waited for it. Prints the figures.
 */
class RandomCutsTest {
    private static final long SEED = 15L;
    private static final int CLASSES = 240;
    private static final int NODES = 3;
    private static final int CUTS = 100;
    private static final int KILLS = 3;
    /** Heartbeat 1 s, backoff steps from 0.3 ms, a reconnect bound of 10 s of real time. */
    private static final int TIME_DIVISOR = 30;
    /** Well under the grace: a run that waited for one would fail here. */
    private static final Duration BOUND = Duration.ofSeconds(120);

    private static final Pattern OUTAGE = Pattern.compile(
            "fast-ci: connection to ws://127\\.0\\.0\\.1:\\d+ lost \\(.+\\);"
                    + " back after \\d+\\.\\d s and \\d+ tr(y|ies) as (the same|a new) node \\d+, \\d+ results? resent");

    private final Secret secret = Secret.random();
    private final String buildId = "cuts-" + UUID.randomUUID();
    private final String topic = Events.topic("junit-cuts", buildId);
    private final List<String> classes = IntStream.rangeClosed(1, CLASSES)
            .mapToObj(i -> String.format("com.acme.cuts.Class%03dTest", i))
            .toList();
    private final Orchestrator orchestrator = Orchestrator.builder().build();
    /** Where, counted in class runs across every node, a cut falls; and a kill. */
    private final Set<Integer> cutAt = new HashSet<>();

    private final Set<Integer> killAt = new HashSet<>();
    private final Random random = new Random(SEED);
    private final AtomicInteger classRuns = new AtomicInteger();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    /** The sessions that ran each class: two would be two nodes' reports of one class. */
    private final Map<String, Set<Integer>> ranBy = new ConcurrentHashMap<>();

    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<NodeSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger kills = new AtomicInteger();
    private OrchestratorServer server;
    private FaultProxy proxy;

    @BeforeEach
    void startServerAndProxy() throws Exception {
        server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator);
        proxy = new FaultProxy(server.port());
        while (cutAt.size() < CUTS) {
            cutAt.add(1 + random.nextInt(CLASSES - 20));
        }
        while (killAt.size() < KILLS) {
            int at = 1 + random.nextInt(CLASSES - 20);
            if (!cutAt.contains(at)) {
                killAt.add(at);
            }
        }
    }

    @AfterEach
    void stopEverything() throws Exception {
        proxy.close();
        server.close();
    }

    @Test
    void aHundredSeededRandomCutsAndKilledForksLoseNothingAndRunNothingTwice() throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<NodeSession.Outcome>> slots = new ArrayList<>();
        for (int slot = 0; slot < NODES; slot++) {
            slots.add(CompletableFuture.supplyAsync(this::runSlot));
        }
        for (CompletableFuture<NodeSession.Outcome> slot : slots) {
            NodeSession.Outcome outcome = slot.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            assertTrue(
                    outcome == NodeSession.Outcome.DONE || outcome == NodeSession.Outcome.RUN_FINISHED, "" + outcome);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        int lost = (int) classes.stream().filter(key -> !runs.containsKey(key)).count();
        int twice = (int) runs.values().stream().filter(n -> n.get() > 1).count();
        int acrossNodes =
                (int) ranBy.values().stream().filter(s -> s.size() > 1).count();
        int reconnects = sessions.stream().mapToInt(NodeSession::reconnects).sum();
        System.out.printf(
                "[fault suite] %d seeded random cuts (seed %d) and %d killed forks: reconnects %d, outage lines %d,"
                        + " classes lost %d, classes run twice %d, duplicate reports across nodes %d, server"
                        + " duplicates %d, run %d ms%n",
                proxy.faults(),
                SEED,
                kills.get(),
                reconnects,
                console.size(),
                lost,
                twice,
                acrossNodes,
                orchestrator.duplicates(topic),
                millis);

        assertEquals(CUTS, proxy.faults(), "every cut was made");
        assertEquals(KILLS, kills.get(), "every kill was made");
        assertEquals(0, lost, "classes lost");
        assertEquals(List.of(), orchestrator.unfinished(topic), "every class has its result on the server");
        assertEquals(List.of(), orchestrator.lostTwice(topic), "no class was given up on");
        assertEquals(0, twice, "classes run twice: " + runs);
        assertEquals(0, acrossNodes, "classes reported by two nodes");
        assertEquals(0, orchestrator.duplicates(topic), "second results on the server");
        assertTrue(reconnects >= 1, "the cuts made nodes reconnect");
        assertTrue(
                console.stream().allMatch(line -> OUTAGE.matcher(line).matches()), "one whole line each: " + console);
        assertTrue(console.stream().anyMatch(line -> line.contains(" as the same node ")), console::toString);
    }

    /** One node's place: a session, and a replacement for it each time its fork is killed. */
    private NodeSession.Outcome runSlot() {
        while (true) {
            SimulatedTests tests = new SimulatedTests(sessions.size());
            NodeSession session = session(tests);
            sessions.add(session);
            try {
                return session.run();
            } catch (Killed killed) {
                // What the Maven side does for a dead fork in local mode: its results, and its unstarted classes.
                kills.incrementAndGet();
                orchestrator.record(topic, Payloads.carried(killed.done), killed.unstarted);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    private NodeSession session(TestSide tests) {
        Map<String, String> params = Map.of("build_id", buildId, "run_key", "junit-cuts");
        ServerAddress address = new ServerAddress(URI.create("ws://127.0.0.1:" + proxy.port()), secret, params);
        NodeSession session = new NodeSession(
                address,
                topic,
                classes,
                tests,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                new ScaledScheduler("cuts-node", TIME_DIVISOR),
                new Backoff(Duration.ofMinutes(5)));
        session.console(console::add);
        return session;
    }

    /** A fork dying mid-batch: what it finished, the class it died in (a crash), and what it never started. */
    private static final class Killed extends RuntimeException {
        final Map<String, List<Map<String, Object>>> done;
        final List<String> unstarted;

        Killed(Map<String, List<Map<String, Object>>> done, List<String> unstarted) {
            super("killed", null, false, false);
            this.done = done;
            this.unstarted = unstarted;
        }
    }

    /** Each class holds one passing test and takes a millisecond; the cuts and kills fall on class runs. */
    private final class SimulatedTests implements TestSide {
        private final int id;

        SimulatedTests(int id) {
            this.id = id;
        }

        @Override
        public Map<String, List<Map<String, Object>>> run(List<String> batch) {
            Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                String key = batch.get(i);
                int n = classRuns.incrementAndGet();
                runs.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                ranBy.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id);
                if (killAt.contains(n)) {
                    results.put(key, List.of(test("failed")));
                    throw new Killed(results, List.copyOf(batch.subList(i + 1, batch.size())));
                }
                if (cutAt.contains(n)) {
                    if (n % 5 == 0) {
                        proxy.cutAll();
                    } else {
                        proxy.cutOne(n);
                    }
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(1); // the class's work, not a synchronisation
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                results.put(key, List.of(test("passed")));
            }
            return results;
        }

        private Map<String, Object> test(String status) {
            return status.equals("passed")
                    ? Map.of(NAME, "works()", STATUS, status, SECONDS, 0.001)
                    : Map.of(NAME, "works()", STATUS, status, SECONDS, 0.001, FAILURE, "the fork died");
        }
    }
}
