package ci.fast.maven.server;

import static ci.fast.maven.server.RealNodes.await;
import static ci.fast.maven.server.RealNodes.batch;
import static ci.fast.maven.server.RealNodes.ok;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Secret;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two replicas (two servers, each with its own {@link PgStore} on one PostgreSQL database) serve one run whose nodes
 * are split over them, our own client on real WebSockets: one queue (no class handed out twice, none lost), and a deq
 * held on one replica is answered when the other records the results that end the run (LISTEN/NOTIFY wakes it).
 */
@ExtendWith(TestPostgres.Extension.class)
class PgReplicasTest {
    private static final List<String> CLASSES = IntStream.rangeClosed(1, 24)
            .mapToObj(i -> String.format("com.acme.Class%02dTest", i))
            .toList();

    @AutoClose
    private final Opened opened = new Opened();

    @Test
    @Timeout(60)
    void nodesOnTwoReplicasShareOneQueueAndAHeldDeqIsAnsweredByTheOthersResult(TestPostgres pg) throws Exception {
        PgDatabase database = pg.newDatabase();
        Secret key = Secret.random();
        OrchestratorServer a = replica(database, key);
        OrchestratorServer b = replica(database, key);
        String buildId = "replicas-" + System.nanoTime();
        String topic = Events.topic(RealNodes.RUN_KEY, buildId);
        PhoenixClient onA = node(a, key, buildId);
        PhoenixClient onB = node(b, key, buildId);

        assertEquals(0, ok(await(onA.push(topic, Events.JOIN, Json.EMPTY))).getInt("node_index"));
        onA.push(topic, Events.ENQ, RealNodes.enq(CLASSES)); // no reply: the deq after it shows it was taken
        List<String> handed = new ArrayList<>();
        List<String> last = batch(await(onA.push(topic, Events.DEQ, Json.EMPTY)));
        handed.addAll(last);
        JsonObject joined = ok(await(onB.push(topic, Events.JOIN, Json.EMPTY)));
        assertEquals(1, joined.getInt("node_index"), "one run: " + joined);
        assertEquals(Events.STATE_RUNNING, joined.getString("state"), "its queue exists: " + joined);
        List<String> heldOnB = batch(await(onB.push(topic, Events.DEQ, Json.EMPTY)));
        handed.addAll(heldOnB);
        assertFalse(heldOnB.isEmpty(), "the second replica hands out of the queue the first filled");
        while (handed.size() < CLASSES.size()) { // until the queue is empty; what B's node holds is still out
            last = batch(await(onA.push(topic, Events.DEQ, RealNodes.results(last))));
            assertFalse(last.isEmpty(), "classes are still queued: " + handed);
            handed.addAll(last);
        }
        assertEquals(CLASSES.size(), handed.size(), "every class handed out: " + handed);
        assertEquals(Set.copyOf(CLASSES), new HashSet<>(handed), "each once");

        // A's node is done and asks for more: nothing is queued, B's node still runs its batch, so A holds the deq.
        CompletableFuture<Frame> heldOnA = onA.push(topic, Events.DEQ, RealNodes.results(last));
        List<String> endOnB = batch(await(onB.push(topic, Events.DEQ, RealNodes.results(heldOnB))));

        assertAll(
                () -> assertEquals(List.of(), endOnB, "the run is over"),
                () -> assertEquals(
                        List.of(),
                        batch(heldOnA.get(RealNodes.TIMEOUT_SECONDS, TimeUnit.SECONDS)),
                        "the deq held on the first replica is answered once the second recorded the last results"));
        try (PgStore check = PgStore.open(database)) {
            StoredRun run = check.open(new RunId(topic, RealNodes.RUN_KEY));
            assertTrue(CLASSES.stream().allMatch(run::hasResult), "every result kept");
            assertEquals(0, run.duplicates());
        }
    }

    private OrchestratorServer replica(PgDatabase database, Secret key) throws IOException {
        PgStore store = PgStore.open(database);
        OrchestratorServer server = OrchestratorServer.start(
                "127.0.0.1",
                0,
                key,
                Orchestrator.builder().store(store).timings(store.timings()).build());
        server.closeAfter(store);
        opened.add(server);
        return server;
    }

    private PhoenixClient node(OrchestratorServer server, Secret key, String buildId) throws Exception {
        PhoenixClient client = RealNodes.connect(server.baseUri(), key, buildId);
        opened.add(client);
        return client;
    }
}
