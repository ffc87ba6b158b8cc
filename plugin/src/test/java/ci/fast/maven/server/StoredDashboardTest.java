package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.server.dashboard.Board;
import ci.fast.maven.server.dashboard.DashboardPages;
import ci.fast.maven.server.dashboard.RunView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard shows what the durable store keeps, over real WebSockets and HTTP: a run served before a restart on the
 * same SQLite data directory, still to its project's viewer only, and a run whose nodes are on another replica of the
 * same PostgreSQL database, with its timeline.
 */
@ExtendWith(TestPostgres.Extension.class)
class StoredDashboardTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(RealNodes.TIMEOUT_SECONDS);
    private static final List<String> CLASSES = IntStream.rangeClosed(1, 6)
            .mapToObj(i -> "com.alpha.Class" + i + "Test")
            .toList();

    @TempDir
    Path dir;

    private final Secret alpha = Secret.random();
    private final Secret beta = Secret.random();

    @AutoClose
    private final Opened opened = new Opened();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Test
    @Timeout(60)
    void aServerStartedAgainOnItsDataDirShowsTheRunItServedBeforeToItsProjectOnly() throws Exception {
        String topic = Events.topic(RealNodes.RUN_KEY, "before-restart");
        OrchestratorServer first = standing();
        PhoenixClient node = RealNodes.connect(first.baseUri(), alpha, "before-restart");
        assertEquals(CLASSES.size(), RealNodes.runAlone(node, topic, CLASSES).size());
        node.close();
        first.close();

        OrchestratorServer again = standing();
        // The store's runs are read after the server's start, on the dashboard's own thread.
        String list = RealNodes.listShowing(
                path -> get(again, path, alpha).body(), "data-topic=\"" + topic + "\" data-outcome=\"passed\"");
        HttpResponse<String> page = get(again, DashboardPages.path(topic), alpha);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(CLASSES.size() + " / " + CLASSES.size() + " classes"), page.body());
        assertEquals(CLASSES.size(), bars(page.body()), "a bar per class: " + page.body());
        assertTrue(page.body().contains(">node 1</text>"), "its node's lane: " + page.body());
        assertTrue(
                page.body().contains("<tr><td>node 1</td><td>gone</td><td>" + CLASSES.size() + "</td>"), page.body());

        assertFalse(get(again, "/", beta).body().contains(topic), "another project's viewer sees none of it");
        assertEquals(404, get(again, DashboardPages.path(topic), beta).statusCode());
        assertFalse(list.contains(alpha.reveal()) || page.body().contains(alpha.reveal()), "no key on the pages");
    }

    @Test
    @Timeout(60)
    void aReplicaShowsTheRunWhoseNodesAreOnAnotherReplicaWithItsTimeline(TestPostgres pg) throws Exception {
        PgDatabase database = pg.newDatabase();
        Secret key = Secret.random();
        Board onB = new Board(Clock.systemUTC(), 10);
        OrchestratorServer a = replica(database, key, new Board(Clock.systemUTC(), 10));
        OrchestratorServer b = replica(database, key, onB);
        String buildId = "on-a-" + System.nanoTime();
        String topic = Events.topic(RealNodes.RUN_KEY, buildId);

        PhoenixClient node = RealNodes.connect(a.baseUri(), key, buildId);
        opened.add(node);
        assertEquals(CLASSES.size(), RealNodes.runAlone(node, topic, CLASSES).size());

        RunView shown = awaitRun(onB, topic, run -> !run.live() && run.done().size() == CLASSES.size());
        assertEquals("passed", shown.outcome());
        assertEquals(CLASSES.size(), shown.classes());
        assertTrue(shown.done().stream().allMatch(d -> d.node() == 0), "every class on node 0: " + shown.done());
        assertEquals(List.of(0), shown.nodes().stream().map(RunView.Node::index).toList());
        HttpResponse<String> page = get(b, DashboardPages.path(topic), null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(CLASSES.size() + " / " + CLASSES.size() + " classes"), page.body());
        assertEquals(CLASSES.size(), bars(page.body()), "a bar per class: " + page.body());
        assertTrue(page.body().contains(">node 1</text>"), "node 0's lane: " + page.body());
        assertTrue(get(b, "/", null).body().contains("data-topic=\"" + topic + "\" data-outcome=\"passed\""));
    }

    @Test
    @Timeout(60)
    void aReplicasGaugesCountNoRunItHasNoNodeOfThoughItsViewOfItIsOld(TestPostgres pg) throws Exception {
        PgDatabase database = pg.newDatabase();
        Secret key = Secret.random();
        OrchestratorServer a = replica(database, key, new Board(Clock.systemUTC(), 10));
        OrchestratorServer b = replica(database, key, new Board(Clock.systemUTC(), 10));
        String buildId = "left-b-" + System.nanoTime();
        String topic = Events.topic(RealNodes.RUN_KEY, buildId);
        List<String> classes = IntStream.rangeClosed(1, 24)
                .mapToObj(i -> "com.acme.Class" + i + "Test")
                .toList();
        PhoenixClient onA = RealNodes.connect(a.baseUri(), key, buildId);
        PhoenixClient onB = RealNodes.connect(b.baseUri(), key, buildId);
        opened.add(onA);
        opened.add(onB);
        RealNodes.await(onA.push(topic, Events.JOIN, Json.EMPTY));
        onA.push(topic, Events.ENQ, RealNodes.enq(classes));
        List<String> batch = RealNodes.batch(RealNodes.await(onA.push(topic, Events.DEQ, Json.EMPTY)));
        RealNodes.await(onB.push(topic, Events.JOIN, Json.EMPTY));
        assertFalse(RealNodes.batch(RealNodes.await(onB.push(topic, Events.DEQ, Json.EMPTY)))
                .isEmpty());
        assertEquals(1, gauge(b, "fastci_runs_active"), "B has a node of the live run");
        onB.push(topic, Events.LEAVE, Json.EMPTY); // its batch goes back to the queue, for A's node
        onB.close();
        while (!batch.isEmpty()) {
            batch = RealNodes.batch(RealNodes.await(onA.push(topic, Events.DEQ, RealNodes.results(batch))));
        }

        assertEquals(0, gauge(a, "fastci_runs_active"), "A saw the run finish");
        assertEquals(0, gauge(b, "fastci_runs_active"), "B has no node of it: A counts it");
        assertEquals(0, gauge(b, "fastci_classes_queued"));
    }

    // Helpers.

    /** The value of the gauge {@code name} in {@code server}'s metrics. */
    private double gauge(OrchestratorServer server, String name) throws Exception {
        String text = get(server, "/metrics", null).body();
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
        assertTrue(m.find(), text);
        return Double.parseDouble(m.group(1));
    }

    /** A standing server on SQLite in the test's data directory, with two projects' keys. */
    private OrchestratorServer standing() throws Exception {
        Path keys = dir.resolve("keys.properties");
        Files.writeString(keys, "alpha=" + alpha.reveal() + "\nbeta=" + beta.reveal() + "\n");
        ServerSettings settings = ServerOptions.translate(
                Map.of(
                        ServerOptions.PORT, "0",
                        ServerOptions.KEYS_FILE, keys.toString(),
                        ServerOptions.TIMINGS_FILE, dir.resolve("timings.json").toString(),
                        ServerOptions.DATA_DIR, dir.resolve("data").toString()),
                Map.of());
        OrchestratorServer server = StandingServer.start(settings, line -> {}, line -> {});
        opened.add(server);
        return server;
    }

    private OrchestratorServer replica(PgDatabase database, Secret key, Board board) throws Exception {
        PgStore store = PgStore.open(database);
        Orchestrator orchestrator = Orchestrator.builder()
                .store(store)
                .timings(store.timings())
                .dashboard(board)
                .build();
        OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, key, orchestrator);
        server.closeAfter(orchestrator);
        server.closeAfter(store);
        opened.add(server);
        return server;
    }

    /** The run of {@code topic} on {@code board} once it is as {@code shown} says: each change of the board looked at. */
    private static RunView awaitRun(Board board, String topic, Predicate<RunView> shown) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            long seen = board.version();
            Optional<RunView> run = board.run(topic);
            if (run.isPresent() && shown.test(run.get())) {
                return run.get();
            }
            long left = deadline - System.nanoTime();
            assertTrue(left > 0, "the board never showed it so: " + run);
            board.changedAfter(seen)
                    .completeOnTimeout(seen, left, TimeUnit.NANOSECONDS)
                    .get();
        }
    }

    /** A GET of {@code path}, as the viewer of {@code key}'s project (none: no credentials). */
    private HttpResponse<String> get(OrchestratorServer server, String path, Secret key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.httpUri() + path))
                .timeout(TIMEOUT)
                .GET();
        return http.send(RealNodes.asViewer(request, key).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** How many bars the timeline of {@code page} draws. */
    private static int bars(String page) {
        return page.split("<rect class=\"bar ", -1).length - 1;
    }
}
