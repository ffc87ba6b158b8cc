package ci.fast.maven.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.ManualScheduler;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.server.Peer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real server that, before its first true answer to a deq, sends one random wrong frame: an unknown event, a reply to an
 * unknown ref, a deq reply of the wrong type, an error. Whatever comes, the session ends within a bound, either done
 * with every batch it was handed run and its results sent, or with one clear line; never another exception, never a
 * hang, never a result lost.
 */
class NodeSessionFuzzTest {
    private static final String TOPIC = "test_orchestrator:junit-fuzz-1";
    private static final int SESSIONS = 30;

    private static final List<Function<Frame, Frame>> WRONG = List.of(
            deq -> Frame.serverPush(JsonValue.NULL, TOPIC, "no_such_event", Json.object(Map.of("x", 1))),
            deq -> Frame.serverPush(JsonValue.NULL, "another:topic", Events.DEQ_REQUEST, Json.EMPTY),
            deq -> new Frame(JsonValue.NULL, Json.number(424242), TOPIC, Events.REPLY, okResponse(Map.of("tests", 1))),
            deq -> new Frame(JsonValue.NULL, Json.string("not-a-ref"), TOPIC, Events.REPLY, Json.EMPTY),
            deq -> Frame.reply(deq, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", "com.acme.ATest"))),
            deq -> Frame.reply(deq, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", List.of(1, 2)))),
            deq -> Frame.reply(deq, Events.STATUS_OK, Json.object(Map.of("event", "deq"))),
            deq -> Frame.reply(deq, "maybe", Json.EMPTY),
            deq -> Frame.reply(deq, Events.STATUS_ERROR, Json.object(Map.of("reason", 7))),
            deq -> Frame.serverPush(JsonValue.NULL, TOPIC, Events.ERROR, Json.object(Map.of("reason", "boom"))),
            deq -> Frame.serverPush(JsonValue.NULL, TOPIC, Events.PHX_CLOSE, Json.EMPTY),
            deq -> new Frame(JsonValue.NULL, deq.ref(), TOPIC, Events.REPLY, Json.object(Map.of("status", List.of()))),
            deq -> Frame.reply(
                    deq, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", List.of("com.acme.BTest")))));

    private final ManualScheduler scheduler = new ManualScheduler();

    @ParameterizedTest
    @ValueSource(longs = {5L, 77L})
    void wrongFramesEndTheSessionCleanlyOrAreIgnored(long seed) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < SESSIONS; i++) {
            int kind = random.nextInt(WRONG.size());
            Function<Frame, Frame> wrong = WRONG.get(kind);
            List<List<String>> handedOut = new CopyOnWriteArrayList<>();
            List<List<String>> ran = new CopyOnWriteArrayList<>();
            List<JsonObject> results = new CopyOnWriteArrayList<>();
            try (ScriptedServer server = new ScriptedServer(script(wrong, handedOut, results))) {
                CompletableFuture<Object> end = CompletableFuture.supplyAsync(() -> {
                    try {
                        return session(server, ran).run();
                    } catch (ChannelException e) {
                        return e;
                    }
                });
                Object outcome;
                try {
                    outcome = end.get(20, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError(
                            "seed " + seed + " session " + i + ", wrong frame " + kind + ": the session hung", e);
                } catch (ExecutionException e) {
                    throw new AssertionError("seed " + seed + " session " + i + ": " + e.getCause(), e.getCause());
                }
                if (outcome instanceof ChannelException e) {
                    assertFalse(e.getMessage().isBlank());
                    assertFalse(e.getMessage().contains(server.secret.reveal()), "the secret never shows");
                } else if (outcome == NodeSession.Outcome.DONE) {
                    // The wrong frame may itself have been a valid batch: whatever was run had its results sent.
                    List<List<String>> run = ran.stream().toList();
                    for (List<String> batch : run) {
                        boolean sent = results.stream().anyMatch(r -> r.keySet().containsAll(batch));
                        if (!sent) {
                            fail("seed " + seed + " session " + i + ": results of " + batch + " never sent");
                        }
                    }
                    assertEquals(ran.size(), results.size(), "one results deq per batch run");
                } else {
                    fail("seed " + seed + " session " + i + ": unexpected outcome " + outcome);
                }
            }
        }
    }

    /** Join as node 1 running; before the first true deq answer, the wrong frame; the first deq gets ATest, the next none. */
    private static java.util.function.BiConsumer<Peer, Frame> script(
            Function<Frame, Frame> wrong, List<List<String>> handedOut, List<JsonObject> results) {
        return (peer, frame) -> {
            switch (frame.event()) {
                case Events.JOIN ->
                    peer.send(Frame.reply(
                            frame,
                            Events.STATUS_OK,
                            Json.object(Map.of("event", "join", "node_index", 1, "state", "running"))));
                case Events.HEARTBEAT -> peer.send(Frame.reply(frame, Events.STATUS_OK, Json.EMPTY));
                case Events.DEQ -> {
                    if (!frame.payload().isEmpty()) {
                        results.add(frame.payload());
                    }
                    if (handedOut.isEmpty()) {
                        peer.send(wrong.apply(frame)); // once: a wrong batch every time would be endless work
                    }
                    List<String> batch = handedOut.isEmpty() ? List.of("com.acme.ATest") : List.of();
                    handedOut.add(batch);
                    peer.send(
                            Frame.reply(frame, Events.STATUS_OK, Json.object(Map.of("event", "deq", "tests", batch))));
                }
                default -> {
                    // leave: no reply
                }
            }
        };
    }

    private NodeSession session(ScriptedServer server, List<List<String>> ran) {
        ServerAddress address =
                new ServerAddress(server.base(), server.secret, Map.of("build_id", "1", "run_key", "junit-fuzz"));
        return new NodeSession(
                address,
                TOPIC,
                List.of("com.acme.ATest"),
                new TestSide() {
                    @Override
                    public Map<String, List<Map<String, Object>>> run(List<String> batch) {
                        ran.add(batch);
                        Map<String, List<Map<String, Object>>> out = new java.util.LinkedHashMap<>();
                        for (String key : batch) {
                            out.put(key, List.of(Map.of("name", "adds()", "status", "passed", "seconds", 0.001)));
                        }
                        return out;
                    }
                },
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                scheduler,
                // A wrong frame that ends the connection is not retried here: the next session tries the next one.
                new Backoff(Duration.ZERO));
    }

    private static JsonObject okResponse(Map<String, Object> response) {
        return Json.object(Map.of("status", "ok", "response", response));
    }
}
