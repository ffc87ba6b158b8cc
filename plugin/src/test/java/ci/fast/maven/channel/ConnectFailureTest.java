package ci.fast.maven.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.server.OrchestratorServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConnectFailureTest {
    private final Secret secret = Secret.of("connect-failure-secret");

    @Test
    void namesAnUnknownHost() {
        ServerAddress address = address("ws://no-such-host.invalid:4000");
        String cause = ConnectFailure.describe(
                new IOException("handshake", new UnknownHostException("no-such-host.invalid")), address);

        assertEquals("unknown host no-such-host.invalid", cause);
    }

    @Test
    void redactsTheSecretFromAnUnclassifiedCause() {
        ServerAddress address = address("ws://127.0.0.1:4000");
        String cause =
                ConnectFailure.describe(new IllegalStateException("bad uri ?secret_key=" + secret.reveal()), address);

        assertFalse(cause.contains(secret.reveal()), cause);
        assertTrue(cause.contains(Secret.REDACTED), cause);
    }

    @Test
    void tlsToAPlainServerFailsWithinTheConnectBound() throws Exception {
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, line -> {})) {
            ServerAddress address = address("wss://127.0.0.1:" + server.port());

            ChannelException e = assertThrows(
                    ChannelException.class,
                    () -> PhoenixClient.connect(
                            address, Duration.ofSeconds(3), new ManualScheduler(), new PhoenixClient.Listener() {}));

            assertTrue(
                    e.getMessage().contains("TLS failure") || e.getMessage().contains("no answer within 3 s"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("secret_key=***"), e.getMessage());
            assertFalse(e.getMessage().contains(secret.reveal()), e.getMessage());
        }
    }

    @Test
    @Timeout(30)
    void aServerThatAcceptsButNeverAnswersTheUpgradeFailsWithinTheConnectBound() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Accepts the TCP connection (the backlog does) and reads nothing, answers nothing.
            ServerAddress address = address("ws://127.0.0.1:" + silent.getLocalPort());

            ChannelException e = assertThrows(
                    ChannelException.class,
                    () -> PhoenixClient.connect(
                            address, Duration.ofSeconds(2), new ManualScheduler(), new PhoenixClient.Listener() {}));

            assertTrue(e.getMessage().contains("no answer within 2 s"), e.getMessage());
            assertTrue(e.getMessage().contains("ws://127.0.0.1:" + silent.getLocalPort()), e.getMessage());
            assertFalse(e.getMessage().contains(secret.reveal()), e.getMessage());
        }
    }

    private ServerAddress address(String base) {
        return new ServerAddress(URI.create(base), secret, Map.of("build_id", "b1", "run_key", "junit-x"));
    }
}
