package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.ManualScheduler;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standing server forgets what it served: a finished run is remembered for its grace on the orchestrator's clock
 * (a late node is told "run finished"), then dropped from the orchestrator and its store. And its timing history is
 * kept apart by run key.
 */
class OrchestratorEvictionTest {
    private static final Duration GRACE = Duration.ofMinutes(10);
    private static final String FIRST = "test_orchestrator:junit-build-1";
    private static final String SECOND = "test_orchestrator:junit-build-2";

    private final AtomicLong clock = new AtomicLong();
    private final MemoryStore store = new MemoryStore();
    private final RunKeyTimings timings = RunKeyTimings.inMemory();
    private final ServerMetrics metrics = new ServerMetrics();
    private final List<String> log = new ArrayList<>();
    /** Replaced by a test of a standing server's own orchestrator. */
    private Orchestrator orchestrator = Orchestrator.builder()
            .log(log::add)
            .timings(timings)
            .store(store)
            .clock(clock::get)
            .finishedRunGrace(GRACE)
            .listener(metrics)
            .build();

    private long refs;

    @Test
    void forgetsAFinishedRunAfterItsGraceAndTellsALateNodeRunFinishedMeanwhile() {
        runSuite(FIRST, "junit", List.of("com.acme.A"));
        assertEquals(Set.of(FIRST), orchestrator.topics());

        clock.addAndGet(GRACE.toNanos() - 1);
        Frame early = join(new FakePeer("late", "junit"), FIRST);
        assertEquals(RunRules.RUN_FINISHED, early.replyResponse().getString("reason"), "within the grace");
        assertEquals(Set.of(FIRST), orchestrator.topics());

        clock.addAndGet(1);
        join(new FakePeer("other", "junit"), SECOND); // any join sweeps

        assertEquals(Set.of(SECOND), orchestrator.topics());
        assertEquals(Set.of(SECOND), store.topics());
        assertEquals(List.of(), orchestrator.unfinished(FIRST));
        assertEquals(1, metrics.snapshot().runsEvicted());
        Frame after = join(new FakePeer("much later", "junit"), FIRST);
        assertEquals(Events.STATUS_OK, after.replyStatus(), "a forgotten topic is a new run");
        assertEquals(0, after.replyResponse().getInt("node_index"));
    }

    @Test
    void remembersAsManyRunsAsFinishedWithinTheGraceHowEverManyItServed() {
        for (int i = 0; i < 50; i++) {
            runSuite("test_orchestrator:junit-build-" + i, "junit", List.of("com.acme.A", "com.acme.B"));
            clock.addAndGet(GRACE.toNanos() / 5);
        }

        assertTrue(orchestrator.topics().size() <= 6, orchestrator.topics()::toString);
        assertEquals(orchestrator.topics(), store.topics());
        assertEquals(50, metrics.snapshot().runsFinished());
    }

    @Test
    void keepsAStandingServersFinishedRunForItsRetentionOfFourteenDaysByDefaultThenDeletesIt(@TempDir Path dir) {
        ServerSettings settings = ServerOptions.translate(
                Map.of(
                        ServerOptions.TIMINGS_FILE, dir.resolve("timings.json").toString(),
                        ServerOptions.DATA_DIR, dir.resolve("data").toString()),
                Map.of("FAST_CI_SECRET_KEY", "key"));
        orchestrator = StandingServer.orchestrator(settings, log::add, log::add)
                .store(store)
                .clock(clock::get)
                .build();
        runSuite(FIRST, "junit", List.of("com.acme.A"));

        clock.addAndGet(Duration.ofDays(14).toNanos() - 1);
        Frame late = join(new FakePeer("late", "junit"), FIRST);
        assertEquals(RunRules.RUN_FINISHED, late.replyResponse().getString("reason"), "13 days later, kept");
        assertEquals(Set.of(FIRST), store.topics());

        clock.addAndGet(1);
        join(new FakePeer("other", "junit"), SECOND);
        assertEquals(Set.of(SECOND), store.topics(), "deleted once 14 days have passed");
    }

    @Test
    void deletesAStandingServersFinishedRunPastItsRetentionOnItsTimerThoughNoNodeJoins(@TempDir Path dir) {
        ServerSettings settings = ServerOptions.translate(
                Map.of(
                        ServerOptions.RETENTION, "2h",
                        ServerOptions.TIMINGS_FILE, dir.resolve("timings.json").toString(),
                        ServerOptions.DATA_DIR, dir.resolve("data").toString()),
                Map.of("FAST_CI_SECRET_KEY", "key"));
        ManualScheduler timer = new ManualScheduler();
        orchestrator = StandingServer.orchestrator(settings, log::add, log::add)
                .store(store)
                .clock(clock::get)
                .timer(timer)
                .build();
        assertEquals(List.of(Duration.ofMinutes(12)), timer.periods(), "a tenth of the retention");
        runSuite(FIRST, "junit", List.of("com.acme.A"));

        clock.addAndGet(Duration.ofHours(2).toNanos() - 1);
        timer.tick();
        assertEquals(Set.of(FIRST), store.topics(), "kept for its retention");

        clock.addAndGet(1);
        timer.tick();
        assertEquals(Set.of(), store.topics(), "deleted by the sweep, with no join to look for it");
        assertEquals(Set.of(), orchestrator.topics());

        orchestrator.close();
        assertEquals(0, timer.scheduled(), "the sweep stops with the server");
    }

    @Test
    void sweepsOncePerTenthOfTheRetentionBetweenASecondAndAnHour() {
        assertEquals(Duration.ofHours(1), StandingServer.sweepPeriod(ServerSettings.DEFAULT_RETENTION));
        assertEquals(Duration.ofSeconds(6), StandingServer.sweepPeriod(Duration.ofMinutes(1)));
        assertEquals(Duration.ofSeconds(1), StandingServer.sweepPeriod(Duration.ofSeconds(3)));
    }

    @Test
    void keepsAnUnfinishedRunHoweverOld() {
        FakePeer node = new FakePeer("node", "junit");
        join(node, FIRST);
        enq(node, FIRST, List.of("com.acme.A"));

        clock.addAndGet(GRACE.toNanos() * 10);
        join(new FakePeer("other", "junit"), SECOND);

        assertEquals(Set.of(FIRST, SECOND), orchestrator.topics());
        assertEquals(List.of("com.acme.A"), orchestrator.unfinished(FIRST));
    }

    @Test
    void tellsANodeStillJoinedToAForgottenRunThatItFinished() {
        FakePeer node = new FakePeer("node", "junit");
        runSuite(FIRST, "junit", List.of("com.acme.A"), node);
        clock.addAndGet(GRACE.toNanos());
        join(new FakePeer("other", "junit"), SECOND);

        Frame deq = push(FIRST, Events.DEQ, Json.EMPTY);
        orchestrator.receive(node, deq);

        Frame reply = node.replyTo(deq);
        assertEquals(Events.STATUS_ERROR, reply.replyStatus());
        assertEquals(RunRules.RUN_FINISHED, reply.replyResponse().getString("reason"));
    }

    @Test
    void keepsTimingsApartByRunKey() {
        runSuite(FIRST, "junit", List.of("com.acme.A", "com.acme.B"), Map.of("com.acme.A", 3.0, "com.acme.B", 1.0));
        runSuite(SECOND, "testng", List.of("com.acme.A"), Map.of("com.acme.A", 40.0));

        assertEquals(
                Map.of("junit", Map.of("com.acme.A", 3.0, "com.acme.B", 1.0), "testng", Map.of("com.acme.A", 40.0)),
                timings.snapshot());
        assertEquals(Map.of("com.acme.A", 3.0), timings.estimates("junit", List.of("com.acme.A")));
    }

    private void runSuite(String topic, String runKey, List<String> keys) {
        runSuite(topic, runKey, keys, new FakePeer("node", runKey));
    }

    private void runSuite(String topic, String runKey, List<String> keys, Map<String, Double> seconds) {
        runSuite(topic, keys, new FakePeer("node", runKey), seconds);
    }

    private void runSuite(String topic, String runKey, List<String> keys, FakePeer node) {
        runSuite(topic, keys, node, Map.of());
    }

    /** One node runs {@code keys} to the run's end, each taking {@code seconds} (0.5 s when not given). */
    private void runSuite(String topic, List<String> keys, FakePeer node, Map<String, Double> seconds) {
        join(node, topic);
        enq(node, topic, keys);
        List<String> batch = List.of();
        do {
            JsonObjectBuilder results = Json.PROVIDER.createObjectBuilder();
            for (String key : batch) {
                results.add(key, entry("passed", seconds.getOrDefault(key, 0.5)));
            }
            Frame deq = push(topic, Events.DEQ, results.build());
            orchestrator.receive(node, deq);
            batch = node.replyTo(deq).replyResponse().getJsonArray("tests").getValuesAs(JsonString::getString);
        } while (!batch.isEmpty());
        assertEquals(List.of(), orchestrator.unfinished(topic), "the run did not finish");
    }

    private Frame join(FakePeer peer, String topic) {
        Frame join = push(topic, Events.JOIN, Json.EMPTY);
        orchestrator.receive(peer, join);
        return peer.replyTo(join);
    }

    private void enq(FakePeer peer, String topic, List<String> keys) {
        JsonObjectBuilder tests = Json.PROVIDER.createObjectBuilder();
        keys.forEach(key -> tests.add(key, entry("pending", 0.0)));
        orchestrator.receive(
                peer,
                push(
                        topic,
                        Events.ENQ,
                        Json.PROVIDER.createObjectBuilder().add("tests", tests).build()));
    }

    private Frame push(String topic, String event, JsonObject payload) {
        return Frame.push(++refs, topic, event, payload);
    }

    private static JsonObject entry(String status, double seconds) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("file_status", status)
                .add("test_count", 1)
                .add(
                        "t()",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("status", status)
                                .add("run_time", seconds))
                .build();
    }

    /** A node with a run key, as its connect parameters give it, that keeps what it is sent. */
    private static final class FakePeer implements Peer {
        final String name;
        final String runKey;
        final List<Frame> inbox = new ArrayList<>();

        FakePeer(String name, String runKey) {
            this.name = name;
            this.runKey = runKey;
        }

        @Override
        public void send(Frame frame) {
            inbox.add(frame);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public String runKey() {
            return runKey;
        }

        Frame replyTo(Frame request) {
            for (Frame frame : inbox) {
                if (frame.isReply() && frame.ref().equals(request.ref())) {
                    inbox.remove(frame);
                    return frame;
                }
            }
            throw new AssertionError(name + " has no reply to ref " + request.ref() + ": " + inbox);
        }
    }
}
