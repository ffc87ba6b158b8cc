package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.orchestration.NodeSession;
import ci.fast.maven.orchestration.TestSide;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain HTTP endpoints on the server's own port: {@code /metrics} read by a real HTTP client after real nodes ran
 * a real run over the WebSocket, {@code /healthz}, and 404 for the rest.
 */
class ServerEndpointsTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String RUN_KEY = "junit";

    private final Secret secret = Secret.random();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
    }

    @Test
    void metricsCountWhatTwoRealNodesDidInARun() throws Exception {
        CountDownLatch left = new CountDownLatch(2);
        OrchestratorServer server = start(Orchestrator.builder()
                .listener(new RunListener() {
                    @Override
                    public void nodeLost(RunId run, int node, List<String> requeued) {
                        left.countDown();
                    }
                })
                .build());
        List<String> classes = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "com.acme.Class" + i + "Test")
                .toList();
        String topic = Events.topic(RUN_KEY, "metrics-run");
        AtomicInteger batches = new AtomicInteger();

        List<CompletableFuture<NodeSession.Outcome>> outcomes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            NodeSession session = node(server, topic, classes, batches);
            outcomes.add(CompletableFuture.supplyAsync(() -> run(session)));
        }
        for (CompletableFuture<NodeSession.Outcome> outcome : outcomes) {
            assertEquals(NodeSession.Outcome.DONE, outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(left.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "both nodes' leaves reached the server");

        HttpResponse<String> response = get(server, "/metrics");
        assertEquals(200, response.statusCode());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"),
                response.headers()::toString);
        Map<String, Double> metrics = parse(response.body());
        assertEquals(12, metrics.get("fastci_classes_done_total"), response::body);
        assertEquals(1, metrics.get("fastci_runs_finished_total"), response::body);
        assertEquals(0, metrics.get("fastci_runs_active"), response::body);
        assertEquals(0, metrics.get("fastci_nodes_connected"), "both nodes left: " + response.body());
        assertEquals(0, metrics.get("fastci_classes_queued"), response::body);
        assertEquals(2, metrics.get("fastci_node_joins_total"), response::body);
        assertEquals(0, metrics.get("fastci_node_rejoins_total"), response::body);
        assertEquals(2, metrics.get("fastci_nodes_lost_total"), "a leave counts: " + response.body());
        assertEquals(0, metrics.get("fastci_duplicates_dropped_total"), response::body);
        assertEquals(batches.get(), metrics.get("fastci_batches_total"), response::body);
        // Every deq answered, each node's last (empty) batch included, whether answered at once or held.
        assertEquals(batches.get() + 2, metrics.get("fastci_deq_reply_seconds_count"), response::body);
        assertEquals(batches.get() + 2, metrics.get("fastci_deq_reply_seconds_bucket{le=\"+Inf\"}"), response::body);
        assertTrue(metrics.get("fastci_deq_reply_seconds_sum") > 0, response::body);
        assertFalse(response.body().contains(secret.reveal()), "the key is not in the metrics");
    }

    @Test
    void gaugesShowALiveRunAndHeldDeqsAreCountedApartFromTheirLatency() throws Exception {
        OrchestratorServer server = start(Orchestrator.builder().build());
        OrchestratorServer other = start(Orchestrator.builder().build());
        PhoenixClient client = connect(server);
        String topic = Events.topic(RUN_KEY, "metrics-held");
        assertEquals(
                Events.STATUS_OK,
                await(client.push(topic, Events.JOIN, Json.EMPTY)).replyStatus());
        CompletableFuture<Frame> held = client.push(topic, Events.DEQ, Json.EMPTY); // no queue yet: held
        // One connection's frames are handled in order: once the heartbeat is answered, the deq is held.
        await(client.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY));
        assertFalse(held.isDone());

        Map<String, Double> waiting = parse(get(server, "/metrics").body());
        assertEquals(1, waiting.get("fastci_deqs_held_total"));
        assertEquals(0, waiting.get("fastci_deq_reply_seconds_count"), "no deq answered yet");
        assertEquals(1, waiting.get("fastci_runs_active"));
        assertEquals(1, waiting.get("fastci_nodes_connected"));

        client.push(topic, Events.ENQ, enq("com.acme.A", "com.acme.B", "com.acme.C"));
        assertEquals(Events.STATUS_OK, await(held).replyStatus());
        // The enq's handling, which answered the held deq and then counted it, is over once a later frame of the same
        // connection is answered.
        await(client.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY));

        Map<String, Double> working = parse(get(server, "/metrics").body());
        assertEquals(1, working.get("fastci_deqs_held_total"));
        assertEquals(1, working.get("fastci_deq_reply_seconds_count"), "the held deq, timed from the enq");
        assertEquals(3, working.get("fastci_classes_queued"), "no class has a result yet");
        assertEquals(1, working.get("fastci_runs_active"));
        Map<String, Double> elsewhere = parse(get(other, "/metrics").body());
        assertEquals(0, elsewhere.get("fastci_deqs_held_total"), "a second server in the JVM has metrics of its own");
        assertEquals(0, elsewhere.get("fastci_nodes_connected"));
    }

    @Test
    void healthzAnswers200WhileServingAnd503OnceDrainingWhenNewConnectionsAreRefused() throws Exception {
        OrchestratorServer server = start(Orchestrator.builder().build());
        PhoenixClient connected = connect(server);

        HttpResponse<String> serving = get(server, "/healthz");
        assertEquals(200, serving.statusCode());
        assertEquals("ok\n", serving.body());

        server.drain();

        HttpResponse<String> draining = get(server, "/healthz");
        assertEquals(503, draining.statusCode());
        assertEquals("draining\n", draining.body());
        assertEquals(
                Events.STATUS_OK,
                await(connected.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY))
                        .replyStatus(),
                "the WebSocket still serves its nodes while draining");
        ChannelException refused = assertThrows(ChannelException.class, () -> connect(server));
        assertTrue(refused.getMessage().contains("(HTTP 503)"), refused.getMessage());
        assertEquals(1, server.connections());
    }

    @Test
    void answersOtherPathsWith404AndOtherMethodsWith405() throws Exception {
        OrchestratorServer server = start(Orchestrator.builder().build());

        assertEquals(404, get(server, "/").statusCode());
        assertEquals(404, get(server, "/metrics/x").statusCode());
        assertEquals(
                404,
                get(server, OrchestratorServer.CONTEXT + OrchestratorServer.ENDPOINT)
                        .statusCode());
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(server.httpUri().resolve("/metrics"))
                        .timeout(TIMEOUT)
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void reportsTakeTheKeyInTheirHeaderOnlyAndKeepTheFirstOfEachClassTheRunEnqueued() throws Exception {
        OrchestratorServer server = start(Orchestrator.builder().build());
        List<String> classes = List.of("com.acme.ATest", "com.acme.BTest");
        String topic = Events.topic(RUN_KEY, "metrics-run");
        assertEquals(
                NodeSession.Outcome.DONE,
                CompletableFuture.supplyAsync(() -> run(node(server, topic, classes, new AtomicInteger())))
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        String path = Events.reportsPath(topic);
        String body = "{\"reports\": [" + report("com.acme.ATest", "first") + "," + report("com.acme.Other", "x") + ","
                + report("com.acme.ATest", "second") + "]}";

        assertEquals(403, reports(server, path, null, body).statusCode(), "no key");
        assertEquals(
                403,
                reports(server, path + "?secret_key=" + secret.reveal(), null, body)
                        .statusCode(),
                "a key in the URL is none");
        assertEquals(403, reports(server, path, "not-the-key", body).statusCode());
        HttpResponse<String> kept = reports(server, path, secret.reveal(), body);
        assertEquals(200, kept.statusCode(), kept::body);
        assertEquals("{\"kept\":1}", kept.body(), "the first of an enqueued class; another run's class dropped");
        assertEquals(
                404,
                reports(server, Events.reportsPath(topic + "-other"), secret.reveal(), body)
                        .statusCode());
        assertEquals(
                400, reports(server, path, secret.reveal(), "{\"reports\": 1}").statusCode());

        HttpResponse<String> all = reports(server, path, secret.reveal(), null);
        assertEquals(200, all.statusCode());
        assertEquals(
                "{\"finished\":true,\"classes\":[\"com.acme.ATest\",\"com.acme.BTest\"],\"reports\":["
                        + report("com.acme.ATest", "first").replace(" ", "") + "]}",
                all.body());
        assertEquals(
                404,
                reports(server, Events.reportsPath(topic + "-other"), secret.reveal(), null)
                        .statusCode());
        assertEquals(403, reports(server, path, null, null).statusCode());
    }

    @Test
    void anAnswerThatFailsIsA500AndOneLogLineNamingItsPathAndTheFailureWithoutTheKey(@TempDir Path dir)
            throws Exception {
        SqlStore store = SqlStore.open(dir);
        Orchestrator orchestrator =
                Orchestrator.builder().store(store).timings(store.timings()).build();
        List<String> log = new CopyOnWriteArrayList<>();
        ServerSettings settings = ServerOptions.translate(
                Map.of(ServerOptions.PORT, "0", ServerOptions.SECRET_KEY, secret.reveal()), Map.of());
        OrchestratorServer server = OrchestratorServer.start(settings, orchestrator, log::add);
        closeAfter.add(server);
        String topic = Events.topic(RUN_KEY, "metrics-run");
        assertEquals(
                NodeSession.Outcome.DONE,
                CompletableFuture.supplyAsync(
                                () -> run(node(server, topic, List.of("com.acme.ATest"), new AtomicInteger())))
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        store.close(); // the store fails every write from now on, as a broken disk would
        String path = Events.reportsPath(topic);

        HttpResponse<String> failed =
                reports(server, path, secret.reveal(), "{\"reports\": [" + report("com.acme.ATest", "first") + "]}");

        assertEquals(500, failed.statusCode(), failed::body);
        assertTrue(failed.body().contains("its log says why"), failed.body());
        assertFalse(failed.body().contains("\tat ci.fast"), "no stack trace to the client: " + failed.body());
        List<String> lines =
                log.stream().filter(line -> line.contains("failed to answer")).toList();
        assertEquals(1, lines.size(), log::toString);
        assertTrue(lines.get(0).contains("POST " + path + ": ci.fast.maven.server.StoreFailure"), lines::toString);
        assertTrue(lines.get(0).contains("is closed"), "the failure's message: " + lines);
        assertFalse(String.join("\n", log).contains(secret.reveal()), "no key in the log");
        assertEquals(200, get(server, "/healthz").statusCode(), "the server serves on");
    }

    // Helpers.

    private static String report(String key, String text) {
        return "{\"class\":\"" + key + "\",\"file\":\"TEST-" + key + ".xml\",\"xml\":\"<testsuite>" + text
                + "</testsuite>\"}";
    }

    /** A GET of {@code path}, or a POST of {@code body}, with {@code key} in the reports' header (none if null). */
    private HttpResponse<String> reports(OrchestratorServer server, String path, String key, String body)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.httpUri().resolve(path)).timeout(TIMEOUT);
        if (key != null) {
            request.header(Events.KEY_HEADER, key);
        }
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private OrchestratorServer start(Orchestrator orchestrator) throws Exception {
        OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator);
        closeAfter.add(server);
        return server;
    }

    private HttpResponse<String> get(OrchestratorServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.httpUri().resolve(path))
                .timeout(TIMEOUT)
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Each sample of the text format by its name and labels, as written: {@code name{le="+Inf"}}. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }

    private PhoenixClient connect(OrchestratorServer server) throws Exception {
        PhoenixClient client = PhoenixClient.connect(
                new ServerAddress(server.baseUri(), secret, params("metrics")),
                TIMEOUT,
                daemon(),
                new PhoenixClient.Listener() {});
        closeAfter.add(client);
        return client;
    }

    private NodeSession node(OrchestratorServer server, String topic, List<String> classes, AtomicInteger batches) {
        TestSide tests = new TestSide() {
            @Override
            public void batchReceived(List<String> batch) {
                batches.incrementAndGet();
            }

            @Override
            public Map<String, List<Map<String, Object>>> run(List<String> batch) {
                Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
                for (String key : batch) {
                    results.put(
                            key,
                            List.of(Map.of(
                                    TestSide.NAME, "works()", TestSide.STATUS, "passed", TestSide.SECONDS, 0.001)));
                }
                return results;
            }
        };
        return new NodeSession(
                new ServerAddress(server.baseUri(), secret, params("metrics-run")),
                topic,
                classes,
                tests,
                TIMEOUT,
                TIMEOUT,
                daemon(),
                Backoff.DEFAULT);
    }

    private Scheduler daemon() {
        Scheduler scheduler = Scheduler.daemon("endpoints-test");
        closeAfter.add(scheduler);
        return scheduler;
    }

    private static NodeSession.Outcome run(NodeSession session) {
        try {
            return session.run();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Map<String, String> params(String buildId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", buildId);
        params.put("run_key", RUN_KEY);
        return params;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static jakarta.json.JsonObject enq(String... keys) {
        JsonObjectBuilder tests = Json.PROVIDER.createObjectBuilder();
        for (String key : keys) {
            tests.add(
                    key,
                    Json.PROVIDER
                            .createObjectBuilder()
                            .add("file_status", "pending")
                            .add("test_count", 1)
                            .add(
                                    "test_counters",
                                    Json.PROVIDER
                                            .createObjectBuilder()
                                            .add("failed", 0)
                                            .add("passed", 0)
                                            .add("pending", 0))
                            .add(
                                    "1",
                                    Json.PROVIDER
                                            .createObjectBuilder()
                                            .add("status", "pending")
                                            .add("run_time", 0.0)));
        }
        return Json.PROVIDER.createObjectBuilder().add("tests", tests).build();
    }
}
