package ci.fast.maven.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.ManualScheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.server.Peer;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

class NodeSessionTest {
    private static final String TOPIC = "test_orchestrator:junit-shop-b42";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<List<String>> ran = new CopyOnWriteArrayList<>();

    @Test
    void joinsThenEnqueuesWhenNodeIndexIsZero() throws Exception {
        try (ScriptedServer server = new ScriptedServer(script(0, "running"))) {
            NodeSession.Outcome outcome = session(server).run();

            assertEquals(NodeSession.Outcome.DONE, outcome);
            List<Frame> frames = server.allUntilLeave();
            assertEquals(
                    List.of(Events.JOIN, Events.ENQ, Events.DEQ, Events.DEQ, Events.LEAVE),
                    frames.stream().map(Frame::event).toList());
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(TOPIC, frames.get(i).topic());
                assertEquals(i + 1, ((JsonNumber) frames.get(i).ref()).intValue(), "integer refs counting up");
            }
            JsonObject enqueued = frames.get(1).payload().getJsonObject("tests");
            assertEquals(Set.of("com.acme.ATest", "com.acme.NotATest"), enqueued.keySet(), "every class Maven found");
            assertEquals(
                    "pending",
                    enqueued.getJsonObject("com.acme.ATest").getJsonObject("1").getString("status"));
            assertEquals(Json.EMPTY, frames.get(2).payload(), "the first deq carries no results");
            JsonObject results = frames.get(3).payload().getJsonObject("com.acme.ATest");
            assertEquals("failed", results.getString("file_status"));
            assertEquals("boom", results.getJsonObject("divides()").getString("fully_formatted"));
            assertEquals(List.of(List.of("com.acme.ATest")), ran);
        }
    }

    @Test
    void laterNodeDoesNotEnqueue() throws Exception {
        try (ScriptedServer server = new ScriptedServer(script(1, "running"))) {
            session(server).run();

            assertEquals(
                    List.of(Events.JOIN, Events.DEQ, Events.DEQ, Events.LEAVE),
                    server.allUntilLeave().stream().map(Frame::event).toList());
        }
    }

    @Test
    void waitingNodeDeqsOnlyAfterDeqRequest() throws Exception {
        CompletableFuture<Peer> joined = new CompletableFuture<>();
        BiConsumer<Peer, Frame> answers = script(1, "waiting");
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            answers.accept(peer, frame);
            if (frame.event().equals(Events.JOIN)) {
                joined.complete(peer);
            }
        })) {
            CompletableFuture<NodeSession.Outcome> run = runAsync(session(server));
            Peer node = joined.get(10, TimeUnit.SECONDS);
            assertEquals(Events.JOIN, server.next().event());
            // A heartbeat travels the same socket: had the node sent deq before deq_request, it would come first.
            scheduler.tick();
            assertEquals(Events.HEARTBEAT, server.next().event());
            node.send(Frame.serverPush(JsonValue.NULL, TOPIC, Events.DEQ_REQUEST, Json.EMPTY));
            assertEquals(Events.DEQ, server.next().event());

            assertEquals(NodeSession.Outcome.DONE, run.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void refusedJoinEndsWithTheServersReason() throws Exception {
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            if (frame.event().equals(Events.JOIN)) {
                peer.send(Frame.reply(frame, Events.STATUS_ERROR, Json.object(Map.of("reason", "unauthorized"))));
            }
        })) {
            ChannelException e =
                    assertThrows(ChannelException.class, () -> session(server).run());

            assertTrue(e.getMessage().contains("refused to join " + TOPIC + ": unauthorized"), e.getMessage());
            assertFalse(e.getMessage().contains(server.secret.reveal()), "the secret never shows");
        }
    }

    @Test
    void joinToFinishedRunEndsQuietly() throws Exception {
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            if (frame.event().equals(Events.JOIN)) {
                peer.send(Frame.reply(frame, Events.STATUS_ERROR, Json.object(Map.of("reason", "run finished"))));
            }
        })) {
            assertEquals(NodeSession.Outcome.RUN_FINISHED, session(server).run());
            assertTrue(ran.isEmpty());
        }
    }

    @Test
    void serverErrorPushFailsTheNode() throws Exception {
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            if (frame.event().equals(Events.JOIN)) {
                peer.send(Frame.reply(
                        frame,
                        Events.STATUS_OK,
                        Json.object(Map.of("event", "join", "node_index", 1, "state", "running"))));
            } else if (frame.event().equals(Events.DEQ)) {
                peer.send(Frame.serverPush(JsonValue.NULL, TOPIC, Events.PHX_ERROR, Json.EMPTY));
            }
        })) {
            ChannelException e =
                    assertThrows(ChannelException.class, () -> session(server).run());

            assertTrue(e.getMessage().contains("phx_error"), e.getMessage());
        }
    }

    @Test
    void silentServerFailsWithinTwoHeartbeatsWhenNoReconnectIsAllowed() throws Exception {
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            if (frame.event().equals(Events.JOIN)) {
                peer.send(Frame.reply(
                        frame,
                        Events.STATUS_OK,
                        Json.object(Map.of("event", "join", "node_index", 1, "state", "running"))));
            }
            // deq and heartbeats: never answered
        })) {
            CompletableFuture<NodeSession.Outcome> run = runAsync(session(server, new Backoff(Duration.ZERO)));
            assertEquals(Events.JOIN, server.next().event());
            assertEquals(Events.DEQ, server.next().event());
            scheduler.tick();
            assertEquals(Events.HEARTBEAT, server.next().event());
            scheduler.tick();

            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
            assertTrue(
                    e.getCause().getMessage().contains("no heartbeat reply"),
                    e.getCause().getMessage());
            assertTrue(
                    e.getCause().getMessage().startsWith("gave up on "),
                    e.getCause().getMessage());
        }
    }

    @Test
    void reconnectsAfterAMissedHeartbeatAndResendsTheUnansweredResults() throws Exception {
        AtomicInteger joins = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            boolean first = joins.get() <= 1;
            switch (frame.event()) {
                case Events.JOIN -> {
                    joins.incrementAndGet();
                    peer.send(Frame.reply(
                            frame,
                            Events.STATUS_OK,
                            Json.object(Map.of("event", "join", "node_index", 1, "state", "running"))));
                }
                case Events.DEQ -> {
                    if (first && frame.payload().isEmpty()) {
                        peer.send(Frame.reply(
                                frame,
                                Events.STATUS_OK,
                                Json.object(Map.of("event", "deq", "tests", List.of("com.acme.ATest")))));
                    } else if (!first) {
                        peer.send(Frame.reply(
                                frame, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", List.of()))));
                    }
                    // first connection, results deq: the network ate it; no reply
                }
                default -> {
                    // heartbeats go unanswered on the first connection; enq and leave get no reply
                }
            }
        })) {
            CompletableFuture<NodeSession.Outcome> run = runAsync(session(server));
            assertEquals(Events.JOIN, server.next().event());
            assertEquals(Json.EMPTY, server.next().payload());
            assertTrue(server.next().payload().containsKey("com.acme.ATest"), "the results deq");
            scheduler.tick();
            assertEquals(Events.HEARTBEAT, server.next().event());
            scheduler.tick();
            awaitWaiting(1);

            scheduler.runDelayed();

            assertEquals(NodeSession.Outcome.DONE, run.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(Duration.ofMillis(10)), scheduler.delays(), "Phoenix's first backoff step");
            Frame rejoin = server.next();
            assertEquals(Events.JOIN, rejoin.event());
            assertEquals(Json.EMPTY, rejoin.payload(), "no token was given (the cloud's way): none is sent");
            Frame resent = server.next();
            assertEquals(Events.DEQ, resent.event());
            assertEquals(
                    "failed",
                    resent.payload().getJsonObject("com.acme.ATest").getString("file_status"),
                    "the unanswered results ride on the first deq of the new connection");
            assertEquals(List.of(List.of("com.acme.ATest")), ran, "the class ran once");
            assertEquals(2, joins.get());
        }
    }

    @Test
    void rejoinsWithTheTokenItsServerGaveAndSaysSoInOneLine() throws Exception {
        AtomicInteger joins = new AtomicInteger();
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            boolean first = joins.get() <= 1;
            switch (frame.event()) {
                case Events.JOIN -> {
                    joins.incrementAndGet();
                    peer.send(Frame.reply(
                            frame,
                            Events.STATUS_OK,
                            Json.object(Map.of(
                                    "event", "join", "node_index", 1, "state", "running", "rejoin_token", "t-1"))));
                }
                case Events.DEQ -> {
                    if (first && frame.payload().isEmpty()) {
                        peer.send(Frame.reply(
                                frame,
                                Events.STATUS_OK,
                                Json.object(Map.of("event", "deq", "tests", List.of("com.acme.ATest")))));
                    } else if (!first) {
                        peer.send(Frame.reply(
                                frame, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", List.of()))));
                    }
                }
                default -> {
                    // heartbeats go unanswered on the first connection; enq and leave get no reply
                }
            }
        })) {
            NodeSession session = session(server);
            List<String> console = new CopyOnWriteArrayList<>();
            session.console(console::add);
            CompletableFuture<NodeSession.Outcome> run = runAsync(session);
            assertEquals(Json.EMPTY, server.next().payload(), "a first join offers no token");
            server.next();
            server.next();
            scheduler.tick();
            server.next();
            scheduler.tick();
            awaitWaiting(1);

            scheduler.runDelayed();

            assertEquals(NodeSession.Outcome.DONE, run.get(10, TimeUnit.SECONDS));
            Frame rejoin = server.next();
            assertEquals(Events.JOIN, rejoin.event());
            assertEquals(Json.object(Map.of("rejoin_token", "t-1")), rejoin.payload());
            assertEquals(1, console.size(), console::toString);
            assertTrue(
                    console.get(0)
                            .matches("fast-ci: connection to ws://127\\.0\\.0\\.1:\\d+ lost \\(no heartbeat reply"
                                    + " within 30 s\\); back after \\d+\\.\\d s and 1 try as the same node 1,"
                                    + " 1 result resent"),
                    console.get(0));
        }
    }

    @Test
    void givesUpWithOneLineWhenTheServerStaysAwayForTheWholeBackoff() throws Exception {
        ScriptedServer gone = new ScriptedServer((peer, frame) -> {});
        NodeSession session = session(gone, new Backoff(Duration.ofSeconds(1)));
        gone.close(); // nothing listens on the port any more: connection refused

        CompletableFuture<NodeSession.Outcome> run = runAsync(session);
        for (int waits = 1; waits <= 7; waits++) {
            awaitWaiting(1);
            scheduler.runDelayed();
        }

        var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> run.get(10, TimeUnit.SECONDS));
        String line = e.getCause().getMessage();
        assertTrue(line.startsWith("gave up on ws://127.0.0.1:"), line);
        assertTrue(line.contains("after 7 reconnects in 1 s") && line.contains("connection refused"), line);
        assertFalse(line.contains(gone.secret.reveal()), "the secret never shows");
        assertEquals(
                List.of(10L, 50L, 100L, 150L, 200L, 250L, 500L),
                scheduler.delays().stream().map(Duration::toMillis).toList());
    }

    @Test
    void refusedKeyIsNeverRetried() throws Exception {
        try (ScriptedServer server = new ScriptedServer(script(0, "running"))) {
            Map<String, String> params = Map.of("build_id", "b42", "run_key", "junit-shop");
            ServerAddress wrongKey = new ServerAddress(server.base(), Secret.of("not-the-key"), params);
            NodeSession session = new NodeSession(
                    wrongKey,
                    TOPIC,
                    List.of(),
                    null,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10),
                    scheduler,
                    Backoff.DEFAULT);

            ChannelException e = assertThrows(ChannelException.class, session::run);

            assertTrue(e.getMessage().contains("refused the secret key (HTTP 403)"), e.getMessage());
            assertFalse(e.getMessage().contains("not-the-key"));
            assertEquals(List.of(), scheduler.delays(), "no reconnect was scheduled");
        }
    }

    @Test
    void deqReplyWithoutATestsListFailsInsteadOfEndingQuietly() throws Exception {
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            if (frame.event().equals(Events.JOIN)) {
                peer.send(Frame.reply(
                        frame,
                        Events.STATUS_OK,
                        Json.object(Map.of("event", "join", "node_index", 1, "state", "running"))));
            } else if (frame.event().equals(Events.DEQ)) {
                peer.send(Frame.reply(frame, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", "A"))));
            }
        })) {
            ChannelException e =
                    assertThrows(ChannelException.class, () -> session(server).run());

            assertTrue(e.getMessage().contains("answered deq without a \"tests\" list"), e.getMessage());
            assertTrue(ran.isEmpty());
        }
    }

    @Test
    void deqAnsweredWithDeqRequestIsAskedAgain() throws Exception {
        BiConsumer<Peer, Frame> answers = script(1, "running");
        boolean[] askedAgain = {false};
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            if (frame.event().equals(Events.DEQ) && !askedAgain[0]) {
                askedAgain[0] = true;
                peer.send(Frame.reply(frame, Events.STATUS_OK, Json.object(Map.of("event", "deq_request"))));
                return;
            }
            answers.accept(peer, frame);
        })) {
            assertEquals(NodeSession.Outcome.DONE, session(server).run());

            assertEquals(
                    List.of(Events.JOIN, Events.DEQ, Events.DEQ, Events.DEQ, Events.LEAVE),
                    server.allUntilLeave().stream().map(Frame::event).toList());
            assertEquals(List.of(List.of("com.acme.ATest")), ran);
        }
    }

    @Test
    void unknownPushesAndRepliesToUnknownRefsAreIgnored() throws Exception {
        BiConsumer<Peer, Frame> answers = script(1, "running");
        try (ScriptedServer server = new ScriptedServer((peer, frame) -> {
            if (frame.event().equals(Events.DEQ)) {
                peer.send(Frame.serverPush(JsonValue.NULL, TOPIC, "presence_diff", Json.EMPTY));
                peer.send(new Frame(
                        JsonValue.NULL,
                        Json.number(9999),
                        TOPIC,
                        Events.REPLY,
                        Json.object(Map.of("status", "ok", "response", Map.of()))));
            }
            answers.accept(peer, frame);
        })) {
            assertEquals(NodeSession.Outcome.DONE, session(server).run());
            assertEquals(List.of(List.of("com.acme.ATest")), ran);
        }
    }

    @Test
    void namesItsCiNodeInTheJoinOnlyToAServerThatSaysItIsOurs() throws Exception {
        JsonObject ciNode =
                Json.object(Map.of("lineage", "junit-shop-b", "attempt", "b42", "node", "test/1", "machine", "m"));
        try (ScriptedServer ours = new ScriptedServer(script(1, "running"))) {
            NodeSession session = session(ours);
            session.ciNode(ciNode);
            session.run();

            assertEquals(Json.object(Map.of("ci_node", ciNode)), ours.next().payload());
        }
        try (ScriptedServer cloud = new ScriptedServer(script(1, "running"), false)) {
            NodeSession session = session(cloud);
            session.ciNode(ciNode);
            session.run();

            assertEquals(Json.EMPTY, cloud.next().payload(), "the cloud's join is {} as PROTOCOL.md section 3 says");
        }
    }

    private void awaitWaiting(int tasks) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scheduler.waiting() < tasks) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the node scheduled no reconnect within 10 s");
            }
            Thread.onSpinWait();
        }
    }

    /** Answers as a server would for one node with the given index and state, handing out one class once. */
    private static BiConsumer<Peer, Frame> script(int nodeIndex, String state) {
        boolean[] handedOut = {false};
        return (peer, frame) -> {
            switch (frame.event()) {
                case Events.JOIN ->
                    peer.send(Frame.reply(
                            frame,
                            Events.STATUS_OK,
                            Json.object(Map.of("event", "join", "node_index", nodeIndex, "state", state))));
                case Events.DEQ -> {
                    List<String> batch = handedOut[0] ? List.of() : List.of("com.acme.ATest");
                    handedOut[0] = true;
                    peer.send(
                            Frame.reply(frame, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", batch))));
                }
                case Events.HEARTBEAT -> peer.send(Frame.reply(frame, Events.STATUS_OK, Json.EMPTY));
                default -> {
                    // enq and leave get no reply
                }
            }
        };
    }

    private NodeSession session(ScriptedServer server) {
        return session(server, Backoff.DEFAULT);
    }

    private NodeSession session(ScriptedServer server, Backoff backoff) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", "b42");
        params.put("run_key", "junit-shop");
        ServerAddress address = new ServerAddress(server.base(), server.secret, params);
        return new NodeSession(
                address,
                TOPIC,
                List.of("com.acme.ATest", "com.acme.NotATest"),
                new TestSide() {
                    @Override
                    public Map<String, List<Map<String, Object>>> run(List<String> batch) {
                        ran.add(batch);
                        return Map.of(
                                "com.acme.ATest",
                                List.of(
                                        Map.of("name", "adds()", "status", "passed", "seconds", 0.004),
                                        Map.of(
                                                "name",
                                                "divides()",
                                                "status",
                                                "failed",
                                                "seconds",
                                                0.012,
                                                "failure",
                                                "boom")));
                    }
                },
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                scheduler,
                backoff);
    }

    private static CompletableFuture<NodeSession.Outcome> runAsync(NodeSession session) {
        CompletableFuture<NodeSession.Outcome> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(session.run());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
