package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random frames, from fixed seeds, into the orchestrator from several peers: events known and unknown, topics joined
 * and not, payloads of every wrong type, refs of every kind. Nothing may escape as an exception, an unknown event on a
 * joined topic is answered with its error, and afterwards a well-behaved node still runs a suite to its end.
 */
class OrchestratorFuzzTest {
    private static final List<String> EVENTS =
            List.of(Events.JOIN, Events.ENQ, Events.DEQ, Events.LEAVE, Events.PHX_LEAVE, Events.HEARTBEAT, "bogus", "");
    private static final List<String> TOPICS =
            List.of("test_orchestrator:junit-a-1", "test_orchestrator:junit-b-1", Events.PHOENIX_TOPIC, "elsewhere");
    private static final int FRAMES = 5_000;

    @ParameterizedTest
    @ValueSource(longs = {13L, 2026L})
    void randomFramesNeverBreakTheOrchestrator(long seed) {
        Random random = new Random(seed);
        Orchestrator orchestrator = new Orchestrator(line -> {});
        List<RecordingPeer> peers = List.of(new RecordingPeer(), new RecordingPeer(), new RecordingPeer());
        int unknownOnJoined = 0;
        for (int i = 0; i < FRAMES; i++) {
            RecordingPeer peer = peers.get(random.nextInt(peers.size()));
            Frame frame =
                    new Frame(JsonValue.NULL, ref(random), pick(TOPICS, random), pick(EVENTS, random), payload(random));
            try {
                orchestrator.receive(peer, frame);
                if (random.nextInt(50) == 0) {
                    orchestrator.closed(peer);
                }
            } catch (RuntimeException e) {
                fail("seed " + seed + " frame " + i + ": " + e + " escaped on " + frame, e);
            }
            Frame last = peer.sent.isEmpty() ? null : peer.sent.get(peer.sent.size() - 1);
            if (frame.event().equals("bogus") && last != null && "unknown event".equals(reason(last))) {
                unknownOnJoined++;
            }
        }
        // The fuzz reached joined topics, or it proves little.
        assertEquals(true, unknownOnJoined > 0, "unknown events answered on joined topics: " + unknownOnJoined);

        wellBehavedNodeStillRunsASuite(orchestrator);
    }

    private static void wellBehavedNodeStillRunsASuite(Orchestrator orchestrator) {
        String topic = "test_orchestrator:junit-clean-1";
        RecordingPeer node = new RecordingPeer();
        orchestrator.receive(node, Frame.push(1, topic, Events.JOIN, Json.EMPTY));
        JsonObject entry = Json.object(Map.of("test_count", 1, "t()", Map.of("status", "pending", "run_time", 0.0)));
        orchestrator.receive(node, Frame.push(2, topic, Events.ENQ, Json.object(Map.of("tests", Map.of("A", entry)))));
        orchestrator.receive(node, Frame.push(3, topic, Events.DEQ, Json.EMPTY));
        Frame batch = node.sent.get(node.sent.size() - 1);
        assertEquals(
                List.of("A"), batch.replyResponse().getJsonArray("tests").getValuesAs(v -> ((jakarta.json.JsonString) v)
                        .getString()));
        orchestrator.receive(node, Frame.push(4, topic, Events.DEQ, Json.object(Map.of("A", entry))));
        Frame done = node.sent.get(node.sent.size() - 1);
        assertEquals(0, done.replyResponse().getJsonArray("tests").size());
        assertEquals(List.of(), orchestrator.unfinished(topic));
    }

    private static JsonValue ref(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> JsonValue.NULL;
            case 1 -> Json.string("r" + random.nextInt(100));
            case 2 -> JsonValue.TRUE;
            default -> Json.number(random.nextInt(1000));
        };
    }

    private static JsonObject payload(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> Json.EMPTY;
            case 1 -> Json.object(Map.of("tests", random.nextInt(3)));
            case 2 -> Json.object(Map.of("tests", Map.of("com.acme.T" + random.nextInt(5), Map.of("x", 1))));
            case 3 ->
                Json.object(Map.of(
                        "tests",
                        Map.of(
                                "com.acme.T" + random.nextInt(5),
                                Map.of("test_count", 1, "a()", Map.of("status", "pending", "run_time", 0.0)))));
            case 4 -> Json.object(Map.of("com.acme.T" + random.nextInt(5), Map.of("file_status", "passed")));
            case 5 -> Json.object(Map.of("com.acme.T" + random.nextInt(5), List.of(1, 2)));
            default -> Json.object(Map.of("reason", "x"));
        };
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String reason(Frame reply) {
        JsonValue reason = reply.replyResponse().get("reason");
        return reason instanceof jakarta.json.JsonString s ? s.getString() : null;
    }

    /** A peer that keeps what it is sent, so that the orchestrator's logic is fuzzed without sockets in the way. */
    private static final class RecordingPeer implements Peer {
        final List<Frame> sent = new CopyOnWriteArrayList<>();

        @Override
        public void send(Frame frame) {
            sent.add(frame);
        }

        @Override
        public String describe() {
            return "fuzz peer";
        }
    }
}
