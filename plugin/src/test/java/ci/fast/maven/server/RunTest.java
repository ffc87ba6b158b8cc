package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The queue rules of PROTOCOL.md section 5 with one run's dispatch beside them, driven directly with nodes that record
 * what they are sent.
 */
class RunTest {
    private static final String TOPIC = "test_orchestrator:junit-build-7";

    private final Timings timings = Timings.of(Map.of());
    /** The run's clock, in nanoseconds: still unless a test moves it. */
    private final AtomicLong clock = new AtomicLong();

    private final RunDispatch run = new RunDispatch(
            RunRules.builder(new MemoryStore().open(new RunId(TOPIC, "junit")), TimingHistory.of(timings), clock::get)
                    .build());
    /** What the Orchestrator tells of each call's events: here, the timings. */
    private final RunListener timingsListener = new TimingsListener(TimingHistory.of(timings), line -> {});

    private long refs;

    @Test
    void givesNodeIndexesInJoinOrder() {
        List<Integer> indexes = List.of(new FakePeer("a"), new FakePeer("b"), new FakePeer("c")).stream()
                .map(peer -> join(peer).getInt("node_index"))
                .toList();

        assertEquals(List.of(0, 1, 2), indexes);
    }

    @Test
    void firstJoinerIsRunningAndALaterJoinerWaitsForADeqRequestUntilEnq() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");

        assertEquals(Events.STATE_RUNNING, join(a).getString("state"));
        assertEquals(Events.STATE_WAITING, join(b).getString("state"));
        assertTrue(b.inbox.isEmpty());

        enq(a, "com.acme.A");

        assertTrue(a.inbox.isEmpty(), "a valid enq gets no reply");
        assertEquals(List.of(Frame.serverPush(JsonValue.NULL, TOPIC, Events.DEQ_REQUEST, Json.EMPTY)), b.drain());
    }

    @Test
    void nodeJoiningAfterEnqIsRunningAndGetsNoDeqRequest() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        enq(a, "com.acme.A");

        assertEquals(Events.STATE_RUNNING, join(b).getString("state"));
        assertTrue(b.inbox.isEmpty());
    }

    @Test
    void deqRequestToAV2NodeCarriesItsJoinRef() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        deliver(run.join(b, new Frame(Json.string("9"), Json.string("9"), TOPIC, Events.JOIN, Json.EMPTY)));
        b.drain();

        enq(a, "com.acme.A");

        assertEquals(List.of(Frame.serverPush(Json.string("9"), TOPIC, Events.DEQ_REQUEST, Json.EMPTY)), b.drain());
    }

    @Test
    void holdsADeqThatArrivesBeforeTheQueueExistsAndAnswersItAfterEnq() {
        FakePeer a = new FakePeer("a");
        join(a);

        Frame early = deq(a, Json.EMPTY);
        assertTrue(a.inbox.isEmpty(), "answered before the queue exists");

        enq(a, "com.acme.A", "com.acme.B");

        assertEquals(List.of("com.acme.A"), batch(replyTo(a, early)));
    }

    @Test
    void handsOutEveryKeyExactlyOnceAcrossTwoNodesUntilTheQueueDrains() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        List<String> keys =
                IntStream.range(0, 25).mapToObj(i -> "com.acme.T" + i).toList();
        enq(a, keys.toArray(String[]::new));
        b.drain();

        Map<FakePeer, List<String>> handedOut = new LinkedHashMap<>(Map.of(a, new ArrayList<>(), b, new ArrayList<>()));
        Map<FakePeer, List<String>> lastBatch = new LinkedHashMap<>(Map.of(a, List.of(), b, List.of()));
        Map<FakePeer, Frame> asked = new LinkedHashMap<>();
        Set<FakePeer> done = new HashSet<>();
        for (int round = 0; done.size() < 2; round++) {
            assertTrue(round < 100, "the run does not drain");
            for (FakePeer peer : List.of(a, b)) {
                if (!done.contains(peer) && !asked.containsKey(peer)) {
                    asked.put(peer, deq(peer, results(lastBatch.get(peer))));
                }
            }
            // A node's deq may be answered while the other node's frame is handled.
            for (FakePeer peer : List.of(a, b)) {
                Optional<Frame> reply = Optional.ofNullable(asked.get(peer)).flatMap(deq -> findReply(peer, deq));
                if (reply.isPresent()) {
                    asked.remove(peer);
                    List<String> batch = batch(reply.get());
                    lastBatch.put(peer, batch);
                    handedOut.get(peer).addAll(batch);
                    if (batch.isEmpty()) {
                        done.add(peer);
                    }
                }
            }
        }

        List<String> all = new ArrayList<>(handedOut.get(a));
        all.addAll(handedOut.get(b));
        assertAll(
                () -> assertEquals(keys.size(), all.size(), "handed out more than once: " + all),
                () -> assertEquals(new HashSet<>(keys), new HashSet<>(all)),
                () -> assertFalse(handedOut.get(a).isEmpty(), "a got no work"),
                () -> assertFalse(handedOut.get(b).isEmpty(), "b got no work"),
                () -> assertTrue(run.finished()),
                () -> assertEquals(new RunProgress(TOPIC, 2, 25, 25, 0), run.progress()));
    }

    @Test
    void holdsADeqWhileAnotherNodeHoldsKeysAndAnswersBothEmptyOnceEveryKeyHasAResult() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        enq(a, "com.acme.A", "com.acme.B");
        b.drain();
        List<String> batchA = batch(replyTo(a, deq(a, Json.EMPTY)));
        List<String> batchB = batch(replyTo(b, deq(b, Json.EMPTY)));
        assertEquals(1, batchA.size());
        assertEquals(1, batchB.size());

        Frame held = deq(a, results(batchA));
        assertTrue(a.inbox.isEmpty(), "answered while b still holds " + batchB);
        assertFalse(run.finished());

        Frame last = deq(b, results(batchB));

        assertEquals(List.of(), batch(replyTo(b, last)));
        assertEquals(List.of(), batch(replyTo(a, held)));
        assertTrue(run.finished());
    }

    @Test
    void aBatchCountsWhatTheOtherNodesStillRunUntilTheirEstimatesPass() {
        List<String> keys = IntStream.range(0, 100)
                .mapToObj(i -> String.format("com.acme.C%02d", i))
                .toList();
        keys.forEach(key -> timings.record(key, 1.0));
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        enq(a, keys.toArray(String[]::new));
        b.drain();
        clock.set(1_000_000_000_000L); // 1000 s after the enq: no cap for a young run applies

        List<String> batchA = batch(replyTo(a, deq(a, Json.EMPTY)));
        List<String> batchB = batch(replyTo(b, deq(b, Json.EMPTY)));
        clock.addAndGet(100_000_000_000L); // both batches are past their estimates
        List<String> next = batch(replyTo(a, deq(a, results(batchA))));

        assertEquals(37, batchA.size(), "three quarters of half of 100 s queued");
        assertEquals(37, batchB.size(), "three quarters of half of 63 s queued and the 37 s a still runs");
        assertEquals(10, next.size(), "three quarters of half of 26 s queued: b's batch is past its estimate");
    }

    @Test
    void countsADuplicateResultAndKeepsTheFirst() {
        FakePeer a = new FakePeer("a");
        join(a);
        enq(a, "com.acme.A", "com.acme.B");
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, deq(a, Json.EMPTY))));
        assertEquals(List.of("com.acme.B"), batch(replyTo(a, deq(a, results(List.of("com.acme.A"))))));

        JsonObject both = Json.PROVIDER
                .createObjectBuilder(results(List.of("com.acme.B")))
                .add("com.acme.A", result("failed", 5.0))
                .build();
        assertEquals(List.of(), batch(replyTo(a, deq(a, both))));

        assertEquals(1, run.progress().duplicates());
        assertEquals(2, run.progress().done());
        assertEquals(0.01, timings.snapshot().get("com.acme.A"), "the first result's duration is the one kept");
    }

    @Test
    void takesAKeyOffTheQueueWhenItsResultRidesAlongBeforeItIsHandedOut() {
        FakePeer a = new FakePeer("a");
        join(a);
        enq(a, "com.acme.A", "com.acme.B", "com.acme.C");
        assertEquals(List.of("com.acme.A", "com.acme.B"), batch(replyTo(a, deq(a, Json.EMPTY))));

        // Results for C, which this node ran before a reconnect, ride along with its batch's.
        List<String> next = batch(replyTo(a, deq(a, results(List.of("com.acme.A", "com.acme.B", "com.acme.C")))));

        assertEquals(List.of(), next);
        assertTrue(run.finished());
    }

    @Test
    void putsKeysLeftOutOfAResultsMessageBackInTheQueue() {
        FakePeer a = new FakePeer("a");
        join(a);
        enq(a, "com.acme.A", "com.acme.B", "com.acme.C", "com.acme.D");
        assertEquals(List.of("com.acme.A", "com.acme.B"), batch(replyTo(a, deq(a, Json.EMPTY))));

        List<String> next = batch(replyTo(a, deq(a, results(List.of("com.acme.A")))));

        assertTrue(next.contains("com.acme.B"), "B was left out and not requeued first: " + next);
        assertFalse(next.contains("com.acme.A"));
        assertFalse(run.finished());
    }

    @Test
    void requeuesTheKeysOfANodeThatLeavesToAHeldDeq() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        enq(a, "com.acme.A", "com.acme.B");
        b.drain();
        List<String> batchA = batch(replyTo(a, deq(a, Json.EMPTY)));
        List<String> batchB = batch(replyTo(b, deq(b, Json.EMPTY)));
        Frame held = deq(b, results(batchB));
        assertTrue(b.inbox.isEmpty());

        deliver(run.leave(a));

        assertEquals(batchA, batch(replyTo(b, held)));
        assertTrue(a.inbox.isEmpty());
    }

    @Test
    void aSecondJoinOnOneConnectionRequeuesWhatTheFirstHeld() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        enq(a, "com.acme.A", "com.acme.B");
        b.drain();
        List<String> batchA = batch(replyTo(a, deq(a, Json.EMPTY)));
        List<String> batchB = batch(replyTo(b, deq(b, Json.EMPTY)));
        Frame held = deq(b, results(batchB));
        assertTrue(b.inbox.isEmpty());

        join(a); // the Phoenix JS client rejoins on the same socket after a leave or a timeout

        assertEquals(batchA, batch(replyTo(b, held)));
    }

    @Test
    void recordsAKeyLostTwiceAsFailedAndFinishesTheRun() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        FakePeer c = new FakePeer("c");
        join(a);
        join(b);
        join(c);
        enq(a, "com.acme.A");
        b.drain();
        c.drain();
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, deq(a, Json.EMPTY))));
        Frame deqB = deq(b, Json.EMPTY);
        Frame deqC = deq(c, Json.EMPTY);

        deliver(run.leave(a));
        assertEquals(List.of("com.acme.A"), batch(replyTo(b, deqB)), "lost once: retried");
        assertTrue(c.inbox.isEmpty());

        deliver(run.leave(b));

        assertEquals(List.of(), batch(replyTo(c, deqC)));
        assertTrue(run.finished());
        assertTrue(run.hasResult("com.acme.A"), "recorded as lost");
        assertEquals(List.of("com.acme.A"), run.lostTwice());
        assertNull(timings.snapshot().get("com.acme.A"), "a lost class's duration says nothing");
    }

    @Test
    void doesNotCountAClassADeadForkNeverStartedAsLost() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        FakePeer c = new FakePeer("c");
        join(a);
        join(b);
        join(c);
        enq(a, "com.acme.A");
        b.drain();
        c.drain();
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, deq(a, Json.EMPTY))));
        deliver(run.leave(a)); // a's fork died before it started A
        deliver(run.record(Json.EMPTY, List.of("com.acme.A")));
        assertEquals(List.of("com.acme.A"), batch(replyTo(b, deq(b, Json.EMPTY))));

        deliver(run.leave(b)); // b died too, this time running A

        assertEquals(List.of(), run.lostTwice(), "A was lost once: it goes back to the queue");
        assertEquals(List.of("com.acme.A"), batch(replyTo(c, deq(c, Json.EMPTY))));
    }

    @Test
    void putsTheKeysOfALostNodeAtTheBackOfTheQueueAndTakesTheResultsAReplacementCarries() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        enq(a, "com.acme.A", "com.acme.B", "com.acme.C", "com.acme.D", "com.acme.E", "com.acme.F");
        b.drain();
        List<String> batchA = batch(replyTo(a, deq(a, Json.EMPTY)));
        deliver(run.leave(a)); // a's fork died

        List<String> batchB = batch(replyTo(b, deq(b, Json.EMPTY)));
        assertTrue(batchB.stream().noneMatch(batchA::contains), "a's classes went last: " + batchA + " " + batchB);

        FakePeer replacement = new FakePeer("replacement");
        join(replacement);
        List<String> next = batch(replyTo(replacement, deq(replacement, results(batchA))));
        assertTrue(next.stream().noneMatch(batchA::contains), "carried results count: " + next);
        assertEquals(0, run.progress().duplicates());
    }

    @Test
    void countsAKeyLeftOutOfResultsAsLostToo() {
        FakePeer a = new FakePeer("a");
        join(a);
        enq(a, "com.acme.A");
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, deq(a, Json.EMPTY))));
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, deq(a, Json.EMPTY))));

        assertEquals(List.of(), batch(replyTo(a, deq(a, Json.EMPTY))));
        assertTrue(run.hasResult("com.acme.A"));
        assertEquals(List.of("com.acme.A"), run.lostTwice());
    }

    @Test
    void refusesAJoinAfterTheRunFinished() {
        FakePeer a = new FakePeer("a");
        join(a);
        enq(a, "com.acme.A");
        batch(replyTo(a, deq(a, Json.EMPTY)));
        batch(replyTo(a, deq(a, results(List.of("com.acme.A")))));
        assertTrue(run.finished());
        FakePeer late = new FakePeer("late");
        Frame join = push(Events.JOIN, Json.EMPTY);

        deliver(run.join(late, join));

        Frame reply = replyTo(late, join);
        assertEquals(Events.STATUS_ERROR, reply.replyStatus());
        assertEquals("run finished", reply.replyResponse().getString("reason"));
        assertEquals(1, run.progress().nodes());
    }

    @Test
    void secondEnqAddsNothing() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        enq(a, "com.acme.A");
        b.drain();

        enq(b, "com.acme.A", "com.acme.B", "com.acme.C");

        assertTrue(b.inbox.isEmpty(), "a second enq gets no reply");
        assertEquals(1, run.progress().classes());
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, deq(a, Json.EMPTY))));
        assertTrue(b.inbox.isEmpty());
        batch(replyTo(a, deq(a, results(List.of("com.acme.A")))));
        assertTrue(run.finished());
    }

    @Test
    void refusesAnEnqWithoutATestsObject() {
        FakePeer a = new FakePeer("a");
        FakePeer b = new FakePeer("b");
        join(a);
        join(b);
        Frame enq = push(
                Events.ENQ,
                Json.PROVIDER.createObjectBuilder().add("tests", "com.acme.A").build());

        deliver(run.enq(a, enq));

        Frame reply = replyTo(a, enq);
        assertEquals(Events.STATUS_ERROR, reply.replyStatus());
        assertEquals(
                "enq payload needs a \"tests\" object", reply.replyResponse().getString("reason"));
        assertTrue(b.inbox.isEmpty(), "a waiting node was released by an invalid enq");
        assertEquals(0, run.progress().classes());
    }

    @Test
    void refusesAnEnqWithAnEntryWithoutAPerTestEntry() {
        FakePeer a = new FakePeer("a");
        join(a);
        JsonObject tests = Json.PROVIDER
                .createObjectBuilder()
                .add("com.acme.A", entry())
                .add(
                        "com.acme.B",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("file_status", "pending")
                                .add("test_count", 0)
                                .add("test_counters", counters(0, 0, 0)))
                .build();
        Frame enq = push(
                Events.ENQ,
                Json.PROVIDER.createObjectBuilder().add("tests", tests).build());

        deliver(run.enq(a, enq));

        Frame reply = replyTo(a, enq);
        assertEquals(Events.STATUS_ERROR, reply.replyStatus());
        assertEquals(
                "enq entry com.acme.B has no per-test entry",
                reply.replyResponse().getString("reason"));
        assertEquals(0, run.progress().classes());
        Frame early = deq(a, Json.EMPTY);
        assertTrue(a.inbox.isEmpty(), "the queue was created by an invalid enq: " + a.inbox);
        enq(a, "com.acme.A");
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, early)));
    }

    @Test
    void ignoresAResultForAKeyThatWasNeverEnqueued() {
        FakePeer a = new FakePeer("a");
        join(a);
        enq(a, "com.acme.A", "com.acme.B");
        assertEquals(List.of("com.acme.A"), batch(replyTo(a, deq(a, Json.EMPTY))));

        // A and a stray key: the run must not count the stray one towards B.
        List<String> next = batch(replyTo(a, deq(a, results(List.of("com.acme.A", "com.acme.A$Inner")))));

        assertEquals(List.of("com.acme.B"), next);
        assertFalse(run.finished());
        assertEquals(1, run.progress().done());
    }

    // Helpers: each sends one frame as a node would and delivers what the run answers, as the Orchestrator does.

    private JsonObject join(FakePeer peer) {
        Frame join = push(Events.JOIN, Json.EMPTY);
        deliver(run.join(peer, join));
        Frame reply = replyTo(peer, join);
        assertEquals(Events.STATUS_OK, reply.replyStatus());
        assertEquals(Events.JOINED, reply.replyResponse().getString("event"));
        return reply.replyResponse();
    }

    private void enq(FakePeer peer, String... keys) {
        JsonObjectBuilder tests = Json.PROVIDER.createObjectBuilder();
        for (String key : keys) {
            tests.add(key, entry());
        }
        deliver(run.enq(
                peer,
                push(
                        Events.ENQ,
                        Json.PROVIDER.createObjectBuilder().add("tests", tests).build())));
    }

    private Frame deq(FakePeer peer, JsonObject results) {
        Frame deq = push(Events.DEQ, results);
        deliver(run.deq(peer, deq));
        return deq;
    }

    private Frame push(String event, JsonObject payload) {
        return Frame.push(++refs, TOPIC, event, payload);
    }

    private void deliver(RunDispatch.Step step) {
        for (RunEvent event : step.events()) {
            if (event instanceof RunEvent.ClassCompleted completed) {
                timingsListener.classCompleted(run.id(), completed.result());
            }
        }
        step.deliveries().forEach(Delivery::send);
    }

    /** Takes the reply to {@code request} out of the peer's inbox; fails when there is none. */
    private static Frame replyTo(FakePeer peer, Frame request) {
        return findReply(peer, request)
                .orElseGet(() -> fail(peer.name + " has no reply to ref " + request.ref() + ": " + peer.inbox));
    }

    private static Optional<Frame> findReply(FakePeer peer, Frame request) {
        for (Frame frame : peer.inbox) {
            if (frame.isReply() && frame.ref().equals(request.ref())) {
                peer.inbox.remove(frame);
                assertEquals(TOPIC, frame.topic());
                return Optional.of(frame);
            }
        }
        return Optional.empty();
    }

    private static List<String> batch(Frame reply) {
        assertEquals(Events.STATUS_OK, reply.replyStatus(), reply::toString);
        assertEquals(Events.DEQ, reply.replyResponse().getString("event"));
        return reply.replyResponse().getJsonArray("tests").getValuesAs(JsonString::getString);
    }

    /** A results payload: every key passed. */
    private static JsonObject results(List<String> keys) {
        JsonObjectBuilder results = Json.PROVIDER.createObjectBuilder();
        keys.forEach(key -> results.add(key, result("passed")));
        return results.build();
    }

    private static JsonObject result(String status) {
        return result(status, 0.01);
    }

    private static JsonObject result(String status, double runTime) {
        boolean failed = "failed".equals(status);
        return Json.PROVIDER
                .createObjectBuilder()
                .add("file_status", status)
                .add("test_count", 1)
                .add("test_counters", counters(failed ? 1 : 0, failed ? 0 : 1, 0))
                .add(
                        "works()",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("status", status)
                                .add("run_time", runTime))
                .build();
    }

    /** A class as an enq lists it: pending, one test. */
    static JsonObject entry() {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("file_status", "pending")
                .add("test_count", 1)
                .add("test_counters", counters(0, 0, 0))
                .add(
                        "1",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("status", "pending")
                                .add("run_time", 0.0))
                .build();
    }

    private static JsonObjectBuilder counters(int failed, int passed, int pending) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("failed", failed)
                .add("passed", passed)
                .add("pending", pending);
    }

    /** A node that keeps every frame it is sent, in order. */
    private static final class FakePeer implements Peer {
        final String name;
        final List<Frame> inbox = new ArrayList<>();

        FakePeer(String name) {
            this.name = name;
        }

        @Override
        public void send(Frame frame) {
            inbox.add(frame);
        }

        @Override
        public String describe() {
            return name;
        }

        List<Frame> drain() {
            List<Frame> frames = List.copyOf(inbox);
            inbox.clear();
            return frames;
        }
    }
}
