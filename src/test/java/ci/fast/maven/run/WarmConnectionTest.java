package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.server.FrameHandler;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.Peer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded server's warm-up connection: a heartbeat the server answers, no join, and no failure of the run. */
class WarmConnectionTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private final List<String> frames = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    @Test
    void sendsOneHeartbeatAndNoJoinThenClosesItsConnection() throws Exception {
        Secret secret = Secret.random();
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, recording())) {
            assertTimeoutPreemptively(
                    LIMIT, () -> WarmConnection.make(new ServerAddress(server.baseUri(), secret, Map.of()), log::add));

            assertTrue(closed.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS), "the connection closed");
            assertEquals(List.of("heartbeat phoenix"), frames);
            assertEquals(List.of(), log);
        }
    }

    @Test
    void aRefusedConnectionIsOneLineAndNoFailure() throws Exception {
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, Secret.random(), recording())) {
            assertTimeoutPreemptively(
                    LIMIT,
                    () -> WarmConnection.make(
                            new ServerAddress(server.baseUri(), Secret.random(), Map.of()), log::add));

            assertEquals(List.of(), frames);
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.get(0).startsWith("the embedded server's warm-up connection failed: "), log.get(0));
        }
    }

    /** The real orchestrator behind a recorder of the frames it is given. */
    private FrameHandler recording() {
        Orchestrator orchestrator = new Orchestrator(line -> {});
        return new FrameHandler() {
            @Override
            public void receive(Peer peer, Frame frame) {
                frames.add(frame.event() + " " + frame.topic());
                orchestrator.receive(peer, frame);
            }

            @Override
            public void closed(Peer peer) {
                orchestrator.closed(peer);
                closed.countDown();
            }
        };
    }
}
