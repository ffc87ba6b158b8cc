package ci.fast.maven.channel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Round trips of the exact frames of PROTOCOL.md, in both serializers, and the refusal of what is no frame. */
class SerializerTest {
    private static final String T = "test_orchestrator:ex_unit-0891fba";

    // The frames of PROTOCOL.md sections 2 and 3, V1 (what our nodes and the cloud speak).
    private static final String JOIN = """
            {"topic":"test_orchestrator:ex_unit-0891fba","event":"phx_join","payload":{},"ref":1}""";
    private static final String JOIN_REPLY = """
            {"event":"phx_reply","topic":"test_orchestrator:ex_unit-0891fba","ref":1,
             "payload":{"status":"ok","response":{"event":"join","node_index":1,"state":"running"}}}""";
    private static final String ENQ_PAYLOAD = """
            {"tests": {"com.acme.billing.InvoiceTest": {
                "file_status": "pending",
                "test_count": 2,
                "test_counters": {"failed": 0, "passed": 0, "pending": 0},
                "totalIsRounded()": {"status": "pending", "run_time": 0.0},
                "rejectsNegative()": {"status": "pending", "run_time": 0.0}}}}""";
    private static final String ENQ = """
            {"topic":"test_orchestrator:ex_unit-0891fba","event":"enq","payload":%s,"ref":2}""".formatted(ENQ_PAYLOAD);
    private static final String DEQ = """
            {"topic":"test_orchestrator:ex_unit-0891fba","event":"deq","payload":{},"ref":3}""";
    private static final String DEQ_REPLY = """
            {"event":"phx_reply","ref":3,"topic":"test_orchestrator:ex_unit-0891fba",
             "payload":{"status":"ok","response":{"event":"deq","tests":["com.acme.A","com.acme.B"]}}}""";
    private static final String RESULTS_PAYLOAD = """
            {"com.acme.A": {
                "file_status": "failed",
                "test_count": 2,
                "test_counters": {"failed": 1, "passed": 1, "pending": 0},
                "adds()": {"status": "passed", "run_time": 0.004},
                "divides()": {"status": "failed", "run_time": 0.012,
                              "fully_formatted": "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>\\n\\tat …"}}}""";
    private static final String RESULTS = """
            {"topic":"test_orchestrator:ex_unit-0891fba","event":"deq","payload":%s,"ref":4}""".formatted(RESULTS_PAYLOAD);
    private static final String HEARTBEAT = """
            {"topic":"phoenix","event":"heartbeat","payload":{},"ref":5}""";
    private static final String HEARTBEAT_REPLY = """
            {"topic":"phoenix","event":"phx_reply","payload":{"status":"ok","response":{}},"ref":5}""";
    private static final String LEAVE = """
            {"topic":"test_orchestrator:ex_unit-0891fba","event":"leave","payload":{},"ref":6}""";
    private static final String DEQ_REQUEST = """
            {"topic":"test_orchestrator:ex_unit-0891fba","event":"deq_request","payload":{},"ref":null}""";

    // The same frames as a vsn=2.0.0 client and our server write them.
    private static final String V2_JOIN = """
            ["1","1","test_orchestrator:ex_unit-0891fba","phx_join",{}]""";
    private static final String V2_JOIN_REPLY = """
            ["1","1","test_orchestrator:ex_unit-0891fba","phx_reply",
             {"status":"ok","response":{"event":"join","node_index":1,"state":"running"}}]""";
    private static final String V2_ENQ = """
            ["1","2","test_orchestrator:ex_unit-0891fba","enq",%s]""".formatted(ENQ_PAYLOAD);
    private static final String V2_DEQ_REPLY = """
            ["1","3","test_orchestrator:ex_unit-0891fba","phx_reply",
             {"status":"ok","response":{"event":"deq","tests":["com.acme.A","com.acme.B"]}}]""";
    private static final String V2_RESULTS = """
            ["1","4","test_orchestrator:ex_unit-0891fba","deq",%s]""".formatted(RESULTS_PAYLOAD);
    private static final String V2_HEARTBEAT = """
            [null,"5","phoenix","heartbeat",{}]""";
    private static final String V2_HEARTBEAT_REPLY = """
            [null,"5","phoenix","phx_reply",{"status":"ok","response":{}}]""";
    private static final String V2_LEAVE = """
            ["1","6","test_orchestrator:ex_unit-0891fba","leave",{}]""";
    private static final String V2_DEQ_REQUEST = """
            ["1",null,"test_orchestrator:ex_unit-0891fba","deq_request",{}]""";

    static Stream<Arguments> v1Frames() {
        return Stream.of(
                Arguments.of("join", JOIN),
                Arguments.of("join reply", JOIN_REPLY),
                Arguments.of("enq", ENQ),
                Arguments.of("deq", DEQ),
                Arguments.of("deq reply", DEQ_REPLY),
                Arguments.of("results", RESULTS),
                Arguments.of("heartbeat", HEARTBEAT),
                Arguments.of("heartbeat reply", HEARTBEAT_REPLY),
                Arguments.of("leave", LEAVE),
                Arguments.of("deq_request", DEQ_REQUEST));
    }

    static Stream<Arguments> v2Frames() {
        return Stream.of(
                Arguments.of("join", V2_JOIN),
                Arguments.of("join reply", V2_JOIN_REPLY),
                Arguments.of("enq", V2_ENQ),
                Arguments.of("deq reply", V2_DEQ_REPLY),
                Arguments.of("results", V2_RESULTS),
                Arguments.of("heartbeat", V2_HEARTBEAT),
                Arguments.of("heartbeat reply", V2_HEARTBEAT_REPLY),
                Arguments.of("leave", V2_LEAVE),
                Arguments.of("deq_request", V2_DEQ_REQUEST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Frames")
    void encodesEveryV1ProtocolFrameBackToTheSameJson(String name, String text) {
        Serializer.Decoded decoded = Serializer.decode(text);

        assertSame(Serializer.V1, decoded.serializer());
        assertEquals(Json.parse(text), Json.parse(Serializer.V1.encode(decoded.frame())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v2Frames")
    void encodesEveryV2ProtocolFrameBackToTheSameJson(String name, String text) {
        Serializer.Decoded decoded = Serializer.decode(text);

        assertSame(Serializer.V2, decoded.serializer());
        assertEquals(Json.parse(text), Json.parse(Serializer.V2.encode(decoded.frame())));
    }

    @Test
    void decodesTheJoinPushWithAnIntegerRefAndNoJoinRef() {
        Frame join = Serializer.decode(JOIN).frame();

        assertAll(
                () -> assertEquals(T, join.topic()),
                () -> assertEquals(Events.JOIN, join.event()),
                () -> assertEquals(Json.EMPTY, join.payload()),
                () -> assertIntegerRef(1, join.ref()),
                () -> assertEquals(JsonValue.NULL, join.joinRef()),
                () -> assertEquals("1", join.refKey()),
                () -> assertFalse(join.isReply()));
    }

    @Test
    void decodesTheJoinReplyWithNodeIndexAndState() {
        Frame reply = Serializer.decode(JOIN_REPLY).frame();

        assertAll(
                () -> assertTrue(reply.isReply()),
                () -> assertIntegerRef(1, reply.ref()),
                () -> assertEquals(Events.STATUS_OK, reply.replyStatus()),
                () -> assertEquals(Events.JOINED, reply.replyResponse().getString("event")),
                () -> assertEquals(1, reply.replyResponse().getInt("node_index")),
                () -> assertEquals(Events.STATE_RUNNING, reply.replyResponse().getString("state")));
    }

    @Test
    void decodesTheEnqWithTheExampleEntry() {
        Frame enq = Serializer.decode(ENQ).frame();

        JsonObject entry = enq.payload().getJsonObject("tests").getJsonObject("com.acme.billing.InvoiceTest");
        assertAll(
                () -> assertEquals(Events.ENQ, enq.event()),
                () -> assertEquals(
                        List.of("com.acme.billing.InvoiceTest"),
                        List.copyOf(enq.payload().getJsonObject("tests").keySet())),
                () -> assertEquals("pending", entry.getString("file_status")),
                () -> assertEquals(2, entry.getInt("test_count")),
                () -> assertEquals(0, entry.getJsonObject("test_counters").getInt("passed")),
                () -> assertEquals(
                        "pending", entry.getJsonObject("totalIsRounded()").getString("status")),
                () -> assertEquals(
                        0.0,
                        entry.getJsonObject("rejectsNegative()")
                                .getJsonNumber("run_time")
                                .doubleValue()));
    }

    @Test
    void decodesTheDeqReplyWithItsTestsList() {
        Frame reply = Serializer.decode(DEQ_REPLY).frame();

        assertAll(
                () -> assertIntegerRef(3, reply.ref()),
                () -> assertEquals(T, reply.topic()),
                () -> assertEquals(Events.DEQ, reply.replyResponse().getString("event")),
                () -> assertEquals(
                        List.of("com.acme.A", "com.acme.B"),
                        reply.replyResponse().getJsonArray("tests").getValuesAs(JsonString::getString)));
    }

    @Test
    void decodesTheResultsPayloadWithTheFailureText() {
        Frame results = Serializer.decode(RESULTS).frame();

        JsonObject a = results.payload().getJsonObject("com.acme.A");
        assertAll(
                () -> assertEquals(Events.DEQ, results.event()),
                () -> assertEquals("failed", a.getString("file_status")),
                () -> assertEquals(1, a.getJsonObject("test_counters").getInt("failed")),
                () -> assertEquals(
                        0.004,
                        a.getJsonObject("adds()").getJsonNumber("run_time").doubleValue()),
                () -> assertEquals(
                        "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>\n\tat …",
                        a.getJsonObject("divides()").getString("fully_formatted")));
    }

    @Test
    void decodesTheHeartbeatAndItsReplyOnThePhoenixTopic() {
        Frame beat = Serializer.decode(HEARTBEAT).frame();
        Frame reply = Serializer.decode(HEARTBEAT_REPLY).frame();

        assertAll(
                () -> assertEquals(Events.PHOENIX_TOPIC, beat.topic()),
                () -> assertEquals(Events.HEARTBEAT, beat.event()),
                () -> assertIntegerRef(5, beat.ref()),
                () -> assertEquals(Events.PHOENIX_TOPIC, reply.topic()),
                () -> assertEquals(Events.STATUS_OK, reply.replyStatus()),
                () -> assertEquals(Json.EMPTY, reply.replyResponse()),
                () -> assertEquals(beat.refKey(), reply.refKey()));
    }

    @Test
    void decodesTheLeave() {
        Frame leave = Serializer.decode(LEAVE).frame();

        assertEquals(new Frame(JsonValue.NULL, Json.number(6), T, Events.LEAVE, Json.EMPTY), leave);
    }

    @Test
    void decodesV2RefsAsStringsAndKeepsTheJoinRef() {
        Frame results = Serializer.decode(V2_RESULTS).frame();
        Frame beat = Serializer.decode(V2_HEARTBEAT).frame();

        assertAll(
                () -> assertEquals(Json.string("1"), results.joinRef()),
                () -> assertEquals(Json.string("4"), results.ref()),
                () -> assertEquals("4", results.refKey()),
                () -> assertEquals(Events.DEQ, results.event()),
                () -> assertEquals(
                        "failed", results.payload().getJsonObject("com.acme.A").getString("file_status")),
                () -> assertEquals(JsonValue.NULL, beat.joinRef()),
                () -> assertEquals(Json.string("5"), beat.ref()));
    }

    @Test
    void replyToAV1PushIsTheProtocolsJoinReplyWithTheIntegerRef() {
        Frame join = Serializer.decode(JOIN).frame();

        Frame reply = Frame.reply(join, Events.STATUS_OK, joinResponse());

        JsonValue encoded = Json.parse(Serializer.V1.encode(reply));
        assertEquals(Json.parse(JOIN_REPLY), encoded);
        assertIntegerRef(1, encoded.asJsonObject().get("ref"));
    }

    @Test
    void replyToAV1PushWithAStringRefEchoesTheString() {
        Frame push = Serializer.decode("""
                {"topic":"phoenix","event":"heartbeat","payload":{},"ref":"5"}""").frame();

        Frame reply = Frame.reply(push, Events.STATUS_OK, Json.EMPTY);

        assertEquals(
                Json.string("5"),
                Json.parse(Serializer.V1.encode(reply)).asJsonObject().get("ref"));
    }

    @Test
    void replyToAV2PushEchoesJoinRefAndRefAsStrings() {
        Frame join = Serializer.decode(V2_JOIN).frame();
        Frame beat = Serializer.decode(V2_HEARTBEAT).frame();

        assertEquals(
                Json.parse(V2_JOIN_REPLY),
                Json.parse(Serializer.V2.encode(Frame.reply(join, Events.STATUS_OK, joinResponse()))));
        assertEquals(
                Json.parse(V2_HEARTBEAT_REPLY),
                Json.parse(Serializer.V2.encode(Frame.reply(beat, Events.STATUS_OK, Json.EMPTY))));
    }

    @Test
    void replyToTheV1HeartbeatIsTheProtocolsHeartbeatReply() {
        Frame beat = Serializer.decode(HEARTBEAT).frame();

        assertEquals(
                Json.parse(HEARTBEAT_REPLY),
                Json.parse(Serializer.V1.encode(Frame.reply(beat, Events.STATUS_OK, Json.EMPTY))));
    }

    @Test
    void serverPushCarriesANullRefAndTheChannelsJoinRef() {
        Frame v2 = Frame.serverPush(Json.string("1"), T, Events.DEQ_REQUEST, Json.EMPTY);
        Frame v1 = Frame.serverPush(JsonValue.NULL, T, Events.DEQ_REQUEST, Json.EMPTY);

        assertEquals(Json.parse(V2_DEQ_REQUEST), Json.parse(Serializer.V2.encode(v2)));
        assertEquals(Json.parse(DEQ_REQUEST), Json.parse(Serializer.V1.encode(v1)));
        assertEquals(null, v2.refKey());
    }

    @Test
    void clientPushIsTheProtocolsFrameWithAnIntegerRef() {
        Frame join = Frame.push(1, T, Events.JOIN, Json.EMPTY);

        assertEquals(Json.parse(JOIN), Json.parse(Serializer.V1.encode(join)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json at all", "", "{\"topic\":"})
    void refusesTextThatIsNotJson(String text) {
        FrameException e = assertThrows(FrameException.class, () -> Serializer.decode(text));

        assertEquals("not JSON: " + text, e.getMessage());
    }

    @Test
    void refusesAnArrayOfFour() {
        String text = "[\"1\",\"1\",\"" + T + "\",\"phx_join\"]";

        FrameException e = assertThrows(FrameException.class, () -> Serializer.decode(text));

        assertEquals("neither a V1 object nor a V2 array of 5: " + text, e.getMessage());
    }

    @Test
    void refusesAnObjectWithoutATopic() {
        String text = "{\"event\":\"phx_join\",\"payload\":{},\"ref\":1}";

        FrameException e = assertThrows(FrameException.class, () -> Serializer.decode(text));

        assertEquals("frame without a string topic: " + text, e.getMessage());
    }

    @Test
    void refusesAnArrayWhoseEventIsNoString() {
        String text = "[\"1\",\"1\",\"" + T + "\",7,{}]";

        FrameException e = assertThrows(FrameException.class, () -> Serializer.decode(text));

        assertEquals("frame without a string event: " + text, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"topic\":\"phoenix\",\"event\":\"heartbeat\",\"payload\":[],\"ref\":1}",
                "[null,\"1\",\"phoenix\",\"heartbeat\",\"{}\"]"
            })
    void refusesAPayloadThatIsNoObject(String text) {
        FrameException e = assertThrows(FrameException.class, () -> Serializer.decode(text));

        assertEquals("frame whose payload is not an object: " + text, e.getMessage());
    }

    @Test
    void abbreviatesALongMalformedTextInTheMessage() {
        String text = "x".repeat(5_000);

        FrameException e = assertThrows(FrameException.class, () -> Serializer.decode(text));

        assertEquals("not JSON: " + "x".repeat(200) + "…", e.getMessage());
    }

    private static JsonObject joinResponse() {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("event", Events.JOINED)
                .add("node_index", 1)
                .add("state", Events.STATE_RUNNING)
                .build();
    }

    private static void assertIntegerRef(long expected, JsonValue ref) {
        assertTrue(ref instanceof JsonNumber n && n.isIntegral(), () -> "not an integer ref: " + ref);
        assertEquals(expected, ((JsonNumber) ref).longValueExact());
    }
}
