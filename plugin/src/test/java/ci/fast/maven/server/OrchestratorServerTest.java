package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.ManualScheduler;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The orchestrator behind real loopback sockets, spoken to by our client and by a raw V2 client. */
class OrchestratorServerTest {
    private static final long TIMEOUT_SECONDS = 10;
    private static final String RUN_KEY = "junit";
    private static final String BUILD_ID = "build-42";
    private static final String T = Events.topic(RUN_KEY, BUILD_ID);

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private Secret secret;
    private OrchestratorServer server;

    @BeforeEach
    void startServer() throws Exception {
        secret = Secret.random();
        server = OrchestratorServer.start("127.0.0.1", 0, secret, log::add);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void bindsLoopbackOnAnEphemeralPort() {
        assertEquals("127.0.0.1", server.baseUri().getHost());
        assertTrue(server.port() > 0);
        assertEquals(server.port(), server.baseUri().getPort());
        assertEquals("ws", server.baseUri().getScheme());
    }

    @Test
    void refusesAWrongSecretWithHttp403AndNeverShowsIt() {
        String wrong = "wrong-" + Secret.random().reveal();
        ServerAddress address = new ServerAddress(server.baseUri(), Secret.of(wrong), params());

        ChannelException e = assertThrows(
                ChannelException.class,
                () -> PhoenixClient.connect(
                        address, Duration.ofSeconds(TIMEOUT_SECONDS), new ManualScheduler(), new Node()));

        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        assertTrue(e.getMessage().contains("secret_key=***"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertFalse(e.getMessage().contains(secret.reveal()), e.getMessage());
    }

    @Test
    void keepsTimingsUnderTheRunKeyTheNodesConnectedWith() throws Exception {
        server.close();
        RunKeyTimings timings = RunKeyTimings.inMemory();
        server = OrchestratorServer.start(
                "127.0.0.1",
                0,
                secret,
                Orchestrator.builder().log(log::add).timings(timings).build());
        PhoenixClient client = connect(new Node());
        ok(await(client.push(T, Events.JOIN, Json.EMPTY)));
        client.push(T, Events.ENQ, enq("com.acme.A"));

        List<String> batch = batch(await(client.push(T, Events.DEQ, Json.EMPTY)));
        assertEquals(List.of(), batch(await(client.push(T, Events.DEQ, results(batch)))));

        assertEquals(Set.of(RUN_KEY), timings.snapshot().keySet(), "from the connect parameters, not the topic");
        assertTrue(timings.snapshot().get(RUN_KEY).containsKey("com.acme.A"), timings.snapshot()::toString);
    }

    @Test
    void runsTwoNodesThroughJoinEnqDeqResultsAndLeave() throws Exception {
        Node nodeA = new Node();
        Node nodeB = new Node();
        PhoenixClient a = connect(nodeA);
        PhoenixClient b = connect(nodeB);

        JsonObject joinedA = ok(await(a.push(T, Events.JOIN, Json.EMPTY)));
        JsonObject joinedB = ok(await(b.push(T, Events.JOIN, Json.EMPTY)));
        assertEquals(0, joinedA.getInt("node_index"));
        assertEquals(Events.STATE_RUNNING, joinedA.getString("state"));
        assertEquals(1, joinedB.getInt("node_index"));
        assertEquals(Events.STATE_WAITING, joinedB.getString("state"));

        CompletableFuture<Frame> enqReply = a.push(T, Events.ENQ, enq("com.acme.A", "com.acme.B", "com.acme.C"));
        Frame deqRequest = await(nodeB.pushed(Events.DEQ_REQUEST));
        assertEquals(T, deqRequest.topic());
        assertNull(deqRequest.refKey());

        List<String> firstA = batch(await(a.push(T, Events.DEQ, Json.EMPTY)));
        List<String> firstB = batch(await(b.push(T, Events.DEQ, Json.EMPTY)));
        List<String> secondA = batch(await(a.push(T, Events.DEQ, results(firstA))));
        CompletableFuture<Frame> lastB = b.push(T, Events.DEQ, results(firstB));
        CompletableFuture<Frame> lastA = a.push(T, Events.DEQ, results(secondA));

        assertEquals(List.of(), batch(await(lastA)));
        assertEquals(List.of(), batch(await(lastB)));
        List<String> all = new ArrayList<>(firstA);
        all.addAll(firstB);
        all.addAll(secondA);
        assertEquals(3, all.size(), all::toString);
        assertEquals(Set.of("com.acme.A", "com.acme.B", "com.acme.C"), new HashSet<>(all));
        assertFalse(enqReply.isDone(), "a valid enq got a reply");

        a.push(T, Events.LEAVE, Json.EMPTY);
        b.push(T, Events.LEAVE, Json.EMPTY);
        assertTrue(log.stream().anyMatch(line -> line.startsWith("node 0 joined " + T + " from ")), log::toString);
        assertTrue(log.stream().anyMatch(line -> line.startsWith("node 1 joined " + T + " from ")), log::toString);
        assertTrue(log.contains("run " + T + " finished: 3 classes, 0 duplicate results"), log::toString);
        assertFalse(nodeA.lost.isDone());
    }

    @Test
    void requeuesTheClassesOfAClosedNodeAndFinishesTheRunWhenAClassIsLostTwice() throws Exception {
        server.close();
        // No grace: a closed node is given up on at once, as it is after the grace.
        server = OrchestratorServer.start(
                "127.0.0.1",
                0,
                secret,
                Orchestrator.builder()
                        .log(log::add)
                        .reconnectGrace(Duration.ZERO)
                        .build());
        PhoenixClient a = connect(new Node());
        PhoenixClient b = connect(new Node());
        PhoenixClient c = connect(new Node());
        ok(await(a.push(T, Events.JOIN, Json.EMPTY)));
        a.push(T, Events.ENQ, enq("com.acme.A"));
        assertEquals(List.of("com.acme.A"), batch(await(a.push(T, Events.DEQ, Json.EMPTY))));
        ok(await(b.push(T, Events.JOIN, Json.EMPTY)));
        CompletableFuture<Frame> deqB = b.push(T, Events.DEQ, Json.EMPTY);

        a.close();

        assertEquals(List.of("com.acme.A"), batch(await(deqB)), "the class of the closed node was not requeued");
        ok(await(c.push(T, Events.JOIN, Json.EMPTY)));
        CompletableFuture<Frame> deqC = c.push(T, Events.DEQ, Json.EMPTY);
        // The server handles one connection's frames in order: once this is answered, c's deq is held.
        ok(await(c.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY)));
        assertFalse(deqC.isDone());

        b.close();

        assertEquals(List.of(), batch(await(deqC)));
        assertTrue(log.contains("run " + T + " finished: 1 classes, 0 duplicate results"), log::toString);
        Frame late = await(connect(new Node()).push(T, Events.JOIN, Json.EMPTY));
        assertEquals(Events.STATUS_ERROR, late.replyStatus());
        assertEquals("run finished", late.replyResponse().getString("reason"));
    }

    @Test
    void servesWhateverTheContextLoaderOfTheThreadThatStartedIt() throws Exception {
        // Maven's plugin realm is a mojo thread's context loader; a pool thread's may see none of the server's
        // libraries (JDK 21's common pool gives its workers the system loader, Maven's boot loader). Started on such
        // a thread, the server still upgrades and answers.
        server.close();
        ClassLoader seesOnlyTheJdk = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        CompletableFuture<OrchestratorServer> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                started.complete(OrchestratorServer.start("127.0.0.1", 0, secret, log::add));
            } catch (Throwable e) {
                started.completeExceptionally(e);
            }
        });
        starter.setContextClassLoader(seesOnlyTheJdk);
        starter.start();
        server = started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        PhoenixClient client = connect(new Node());
        Frame reply = await(client.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY));

        assertEquals(Events.STATUS_OK, reply.replyStatus());
    }

    @Test
    void answersAHeartbeatOnThePhoenixTopicWithOk() throws Exception {
        PhoenixClient client = connect(new Node());

        Frame reply = await(client.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY));

        assertEquals(Events.PHOENIX_TOPIC, reply.topic());
        assertEquals(Events.STATUS_OK, reply.replyStatus());
        assertEquals(Json.EMPTY, reply.replyResponse());
    }

    @Test
    void answersAPushToAnUnjoinedTopicWithUnmatchedTopic() throws Exception {
        PhoenixClient client = connect(new Node());

        assertEquals("unmatched topic", errorReason(await(client.push(T, Events.DEQ, Json.EMPTY))));
        assertEquals("unmatched topic", errorReason(await(client.push("rooms:lobby", Events.JOIN, Json.EMPTY))));
    }

    @Test
    void answersAnUnknownEventOnAJoinedTopicWithUnknownEvent() throws Exception {
        PhoenixClient client = connect(new Node());
        ok(await(client.push(T, Events.JOIN, Json.EMPTY)));

        assertEquals("unknown event", errorReason(await(client.push(T, "no_such_event", Json.EMPTY))));
    }

    @Test
    void answersPhoenixsOwnLeaveWithOkAndLeavesTheTopic() throws Exception {
        PhoenixClient client = connect(new Node());
        ok(await(client.push(T, Events.JOIN, Json.EMPTY)));

        ok(await(client.push(T, Events.PHX_LEAVE, Json.EMPTY)));

        assertEquals("unmatched topic", errorReason(await(client.push(T, Events.DEQ, Json.EMPTY))));
    }

    @Test
    void keepsTheConnectionWhileEveryHeartbeatIsAnswered() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        Node node = new Node();
        PhoenixClient client = connect(node, scheduler);
        assertEquals(List.of(PhoenixClient.HEARTBEAT), scheduler.periods());

        for (int beat = 0; beat < 3; beat++) {
            scheduler.tick();
            // Answered after the heartbeat's reply on the same connection, so that reply has been seen.
            ok(await(client.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY)));
        }

        assertFalse(node.lost.isDone(), () -> "lost: " + node.lost.join());
        ok(await(client.push(T, Events.JOIN, Json.EMPTY)));
    }

    @Test
    void reportsTheConnectionLostAndFailsPendingPushesWhenTheServerCloses() throws Exception {
        ManualScheduler scheduler = new ManualScheduler();
        Node node = new Node();
        PhoenixClient client = connect(node, scheduler);
        ok(await(client.push(T, Events.JOIN, Json.EMPTY)));
        CompletableFuture<Frame> held = client.push(T, Events.DEQ, Json.EMPTY); // no queue yet: held

        server.close();

        assertNotNull(await(node.lost));
        ExecutionException pending =
                assertThrows(ExecutionException.class, () -> held.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(ChannelException.class, pending.getCause());
        assertFalse(pending.getCause().getMessage().contains(secret.reveal()));
        scheduler.tick(); // a beat after the loss neither throws nor reports again
    }

    @Test
    void failsAPushSentAfterTheConnectionWasLost() throws Exception {
        Node node = new Node();
        PhoenixClient client = connect(node);
        server.close();
        await(node.lost);

        CompletableFuture<Frame> late = client.push(T, Events.JOIN, Json.EMPTY);

        ExecutionException e =
                assertThrows(ExecutionException.class, () -> late.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(ChannelException.class, e.getCause());
    }

    @Test
    void failsAPushStillAwaitingItsReplyWhenTheClientCloses() throws Exception {
        PhoenixClient client = connect(new Node());
        ok(await(client.push(T, Events.JOIN, Json.EMPTY)));
        CompletableFuture<Frame> held = client.push(T, Events.DEQ, Json.EMPTY); // no queue yet: held

        client.close();

        ExecutionException e =
                assertThrows(ExecutionException.class, () -> held.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        assertInstanceOf(ChannelException.class, e.getCause());
        assertTrue(
                e.getCause().getMessage().endsWith("closed by the client"),
                e.getCause().getMessage());
    }

    @Test
    void answersAV2ClientInV2EchoingJoinRefAndRefAsStrings() throws Exception {
        RawClient raw = rawV2();

        raw.send("[\"1\",\"1\",\"" + T + "\",\"phx_join\",{}]");
        assertEquals(
                Json.parse("[\"1\",\"1\",\"" + T + "\",\"phx_reply\",{\"status\":\"ok\",\"response\":"
                        + "{\"event\":\"join\",\"node_index\":0,\"state\":\"running\"}}]"),
                tokenless(raw.next()));

        raw.send("[\"1\",\"2\",\"" + T + "\",\"enq\"," + enq("com.acme.A") + "]");
        raw.send("[null,\"3\",\"phoenix\",\"heartbeat\",{}]");
        assertEquals(
                Json.parse("[null,\"3\",\"phoenix\",\"phx_reply\",{\"status\":\"ok\",\"response\":{}}]"),
                raw.next(),
                "the enq got a reply, or the heartbeat a wrong one");

        raw.send("[\"1\",\"4\",\"" + T + "\",\"deq\",{}]");
        assertEquals(
                Json.parse("[\"1\",\"4\",\"" + T + "\",\"phx_reply\",{\"status\":\"ok\",\"response\":"
                        + "{\"event\":\"deq\",\"tests\":[\"com.acme.A\"]}}]"),
                raw.next());

        raw.send("[\"1\",\"5\",\"" + T + "\",\"nonsense\",{}]");
        assertEquals(
                Json.parse("[\"1\",\"5\",\"" + T + "\",\"phx_reply\",{\"status\":\"error\",\"response\":"
                        + "{\"reason\":\"unknown event\"}}]"),
                raw.next());
    }

    @Test
    void sendsAWaitingV2NodeItsDeqRequestWithItsJoinRef() throws Exception {
        PhoenixClient first = connect(new Node());
        ok(await(first.push(T, Events.JOIN, Json.EMPTY)));
        RawClient raw = rawV2();
        raw.send("[\"7\",\"7\",\"" + T + "\",\"phx_join\",{}]");
        assertEquals(
                Json.parse("[\"7\",\"7\",\"" + T + "\",\"phx_reply\",{\"status\":\"ok\",\"response\":"
                        + "{\"event\":\"join\",\"node_index\":1,\"state\":\"waiting\"}}]"),
                tokenless(raw.next()));

        first.push(T, Events.ENQ, enq("com.acme.A"));

        assertEquals(Json.parse("[\"7\",null,\"" + T + "\",\"deq_request\",{}]"), raw.next());
    }

    @Test
    void closesAConnectionThatSendsSomethingOtherThanAFrame() throws Exception {
        RawClient raw = rawV2();

        raw.send("garbage");

        CloseReason reason = raw.closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(
                CloseReason.CloseCodes.PROTOCOL_ERROR.getCode(),
                reason.getCloseCode().getCode());
        assertEquals("not JSON: garbage", reason.getReasonPhrase());
    }

    // Helpers.

    private PhoenixClient connect(Node node) throws ChannelException {
        return connect(node, Scheduler.daemon("test"));
    }

    private PhoenixClient connect(Node node, Scheduler scheduler) throws ChannelException {
        ServerAddress address = new ServerAddress(server.baseUri(), secret, params());
        PhoenixClient client = PhoenixClient.connect(address, Duration.ofSeconds(TIMEOUT_SECONDS), scheduler, node);
        closeAfter.add(client);
        return client;
    }

    private RawClient rawV2() throws Exception {
        Map<String, String> params = new LinkedHashMap<>(params());
        params.put("vsn", "2.0.0");
        RawClient raw = new RawClient();
        ClientManager manager = ClientManager.createClient(JdkClientContainer.class.getName());
        raw.session = manager.connectToServer(
                raw,
                ClientEndpointConfig.Builder.create().build(),
                new ServerAddress(server.baseUri(), secret, params).connectUri());
        closeAfter.add(raw.session);
        return raw;
    }

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", BUILD_ID);
        params.put("run_key", RUN_KEY);
        params.put("commit", "0891fba");
        params.put("branch", "main");
        return params;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private static JsonObject ok(Frame reply) {
        assertTrue(reply.isReply(), reply::toString);
        assertEquals(Events.STATUS_OK, reply.replyStatus(), reply::toString);
        return reply.replyResponse();
    }

    private static String errorReason(Frame reply) {
        assertTrue(reply.isReply(), reply::toString);
        assertEquals(Events.STATUS_ERROR, reply.replyStatus(), reply::toString);
        return reply.replyResponse().getString("reason");
    }

    private static List<String> batch(Frame reply) {
        JsonObject response = ok(reply);
        assertEquals(Events.DEQ, response.getString("event"));
        return response.getJsonArray("tests").getValuesAs(JsonString::getString);
    }

    private static JsonObject enq(String... keys) {
        JsonObjectBuilder tests = Json.PROVIDER.createObjectBuilder();
        for (String key : keys) {
            tests.add(
                    key,
                    Json.PROVIDER
                            .createObjectBuilder()
                            .add("file_status", "pending")
                            .add("test_count", 1)
                            .add("test_counters", counters(0, 0))
                            .add(
                                    "1",
                                    Json.PROVIDER
                                            .createObjectBuilder()
                                            .add("status", "pending")
                                            .add("run_time", 0.0)));
        }
        return Json.PROVIDER.createObjectBuilder().add("tests", tests).build();
    }

    private static JsonObject results(List<String> keys) {
        JsonObjectBuilder results = Json.PROVIDER.createObjectBuilder();
        for (String key : keys) {
            results.add(
                    key,
                    Json.PROVIDER
                            .createObjectBuilder()
                            .add("file_status", "passed")
                            .add("test_count", 1)
                            .add("test_counters", counters(0, 1))
                            .add(
                                    "works()",
                                    Json.PROVIDER
                                            .createObjectBuilder()
                                            .add("status", "passed")
                                            .add("run_time", 0.002)));
        }
        return results.build();
    }

    private static JsonObjectBuilder counters(int failed, int passed) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("failed", failed)
                .add("passed", passed)
                .add("pending", 0);
    }

    /** What a node's listener was told: its pushes by event, and the loss. */
    private static final class Node implements PhoenixClient.Listener {
        final CompletableFuture<String> lost = new CompletableFuture<>();
        private final Map<String, CompletableFuture<Frame>> pushes = new ConcurrentHashMap<>();

        CompletableFuture<Frame> pushed(String event) {
            return pushes.computeIfAbsent(event, e -> new CompletableFuture<>());
        }

        @Override
        public void pushed(Frame frame) {
            pushed(frame.event()).complete(frame);
        }

        @Override
        public void lost(String reason) {
            lost.complete(reason);
        }
    }

    /** A bare WebSocket client: sends text as given, keeps what arrives. */
    private static final class RawClient extends Endpoint {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        Session session;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            closed.complete(closeReason);
        }

        void send(String text) throws Exception {
            try {
                session.getBasicRemote().sendText(text);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Tyrus restarts the idle timer after writing; if the server already closed in answer, that is
                // rejected. The frame itself went out.
            }
        }

        JsonValue next() throws InterruptedException {
            String text = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(text, "no frame within " + TIMEOUT_SECONDS + " s");
            return Json.parse(text);
        }
    }

    /** A V2 join reply without its token, once the token is checked: 32 hex digits, unguessable. */
    private static JsonValue tokenless(JsonValue reply) {
        JsonObject response = reply.asJsonArray().getJsonObject(4).getJsonObject("response");
        assertTrue(response.getString(Events.REJOIN_TOKEN).matches("[0-9a-f]{32}"), response::toString);
        JsonObject payload = Json.PROVIDER
                .createObjectBuilder(reply.asJsonArray().getJsonObject(4))
                .add("response", Json.PROVIDER.createObjectBuilder(response).remove(Events.REJOIN_TOKEN))
                .build();
        return Json.PROVIDER
                .createArrayBuilder(reply.asJsonArray().subList(0, 4))
                .add(payload)
                .build();
    }
}
