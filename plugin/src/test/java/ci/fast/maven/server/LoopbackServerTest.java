package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.ManualScheduler;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A local run's loopback server against Tyrus's client, a WebSocket implementation that is not ours, and against our
 * own node client: the upgrade (path, key, our server's header), frames of every length form both ways, pings, the
 * close handshake, and the handler told once of each connection's end.
 */
@Timeout(60)
class LoopbackServerTest {
    private static final int TIMEOUT_SECONDS = 20;

    private final Secret secret = Secret.random();
    private final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Peer> closed = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    /** Echoes every frame back to its sender. */
    private final FrameHandler echo = new FrameHandler() {
        @Override
        public void receive(Peer peer, Frame frame) {
            received.add(frame);
            peer.send(frame);
        }

        @Override
        public void closed(Peer peer) {
            closed.add(peer);
        }
    };

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
    }

    @Test
    void answersTyrusWithTheFramesItSentInEveryLengthFormAndSaysItIsOurs() throws Exception {
        LoopbackServer server = start(echo);
        Map<String, List<String>> answer = new LinkedHashMap<>();
        RealNodes.Raw tyrus = tyrus(server, secret, answer);

        for (int length : new int[] {3, 125, 126, 65_535, 65_536, 300_000}) {
            String text = "[null,\"" + length + "\",\"t\",\"e\",{\"x\":\"" + "a".repeat(length) + "\"}]";
            tyrus.session.getBasicRemote().sendText(text);
            Frame frame = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(frame, "frame of " + length);
            assertEquals(length, frame.payload().getString("x").length());
            String back = tyrus.received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertEquals(text, back, "the echo of " + length + " characters, in the V2 serializer it came in");
        }
        assertEquals(List.of("fast-ci-maven-plugin"), answer.get(Events.SERVER_HEADER));

        tyrus.session.close();
        assertEquals(
                CloseReason.CloseCodes.NORMAL_CLOSURE.getCode(),
                await(tyrus.closed).getCloseCode().getCode());
        awaitClosed();
    }

    @Test
    void refusesAWrongKeyAndAWrongPath() throws Exception {
        LoopbackServer server = start(echo);

        assertThrows(DeploymentException.class, () -> tyrus(server, Secret.random(), new LinkedHashMap<>()));
        String path = OrchestratorServer.CONTEXT + OrchestratorServer.ENDPOINT;
        assertEquals(
                "HTTP/1.1 403 Forbidden",
                statusLine(server, path + "?secret_key=" + Secret.random().reveal()));
        assertEquals("HTTP/1.1 403 Forbidden", statusLine(server, path));
        assertEquals("HTTP/1.1 404 Not Found", statusLine(server, "/elsewhere?secret_key=" + secret.reveal()));
        assertEquals("HTTP/1.1 400 Bad Request", plainGet(server));
        assertTrue(received.isEmpty());
    }

    @Test
    void servesOurOwnNodeClientAndHearsItGo() throws Exception {
        LoopbackServer server = start(echo);
        try (PhoenixClient client = PhoenixClient.connect(
                new ServerAddress(server.baseUri(), secret, Map.of("run_key", "suite")),
                Duration.ofSeconds(TIMEOUT_SECONDS),
                new ManualScheduler(),
                new PhoenixClient.Listener() {})) {
            assertTrue(client.ours(), "the upgrade answer named our server");
            client.push(Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY);
            Frame heartbeat = received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(heartbeat);
            assertEquals(Events.HEARTBEAT, heartbeat.event());
        }
        Peer gone = awaitClosed();
        assertEquals("suite", gone.runKey());
    }

    @Test
    void endsAConnectionThatSendsAnUnmaskedFrame() throws Exception {
        LoopbackServer server = start(echo);
        try (Socket socket =
                new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(upgradeRequest(secret).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            assertEquals("HTTP/1.1 101 Switching Protocols", in.readLine());
            byte[] text = "[null,null,\"t\",\"e\",{}]".getBytes(StandardCharsets.UTF_8);
            out.write(0x81);
            out.write(text.length); // no mask bit
            out.write(text);
            out.flush();
            awaitClosed();
        }
        assertTrue(received.isEmpty(), "an unmasked frame is no frame: " + received);
    }

    @Test
    void endsAMessageThatIsNoFrameAsAProtocolErrorAndTellsTheHandlerOnce() throws Exception {
        LoopbackServer server = start(echo);
        RealNodes.Raw tyrus = tyrus(server, secret, new LinkedHashMap<>());

        tyrus.send("not a frame");

        assertEquals(
                CloseReason.CloseCodes.PROTOCOL_ERROR.getCode(),
                await(tyrus.closed).getCloseCode().getCode());
        awaitClosed();
        server.close();
        assertNull(closed.poll(200, TimeUnit.MILLISECONDS), "the server's close did not end it again");
        assertTrue(received.isEmpty());
    }

    @Test
    void closeEndsTheOpenConnectionsAndTellsTheHandlerOfEach() throws Exception {
        LoopbackServer server = start(echo);
        RealNodes.Raw tyrus = tyrus(server, secret, new LinkedHashMap<>());
        tyrus.send("[null,\"1\",\"phoenix\",\"heartbeat\",{}]");
        assertNotNull(received.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS));

        server.close();

        assertEquals(
                CloseReason.CloseCodes.GOING_AWAY.getCode(),
                await(tyrus.closed).getCloseCode().getCode());
        awaitClosed();
    }

    @Test
    void answersAMalformedTargetWithABadRequestAndTakesAHeaderGivenOnTwoLines() throws Exception {
        LoopbackServer server = start(echo);
        String path = OrchestratorServer.CONTEXT + OrchestratorServer.ENDPOINT;

        assertEquals("HTTP/1.1 400 Bad Request", statusLine(server, path + "?secret_key=%zz"));
        assertEquals(
                "HTTP/1.1 101 Switching Protocols",
                request(
                        server,
                        upgradeRequest(secret)
                                .replace(
                                        "Connection: Upgrade\r\n",
                                        "Connection: keep-alive\r\nConnection: Upgrade\r\n")));
    }

    @Test
    void endsAConnectionThatSendsAPingLongerThanAControlFrameMayBe() throws Exception {
        LoopbackServer server = start(echo);
        try (Socket socket =
                new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(upgradeRequest(secret).getBytes(StandardCharsets.ISO_8859_1));
            out.write(0x89); // a ping, final
            out.write(0x80 | 126); // masked, a 16-bit length
            out.write(0);
            out.write(126);
            out.write(new byte[4]); // a mask of zeros
            out.write(new byte[126]);
            out.flush();
            awaitClosed();
        }
    }

    @Test
    void answersNoUpgradeAfterItClosed() throws Exception {
        LoopbackServer server = start(echo);
        try (Socket socket =
                new Socket(server.baseUri().getHost(), server.baseUri().getPort())) {
            // Accepted before the close, its request sent after it.
            awaitUpgrading(server);
            server.close();
            socket.getOutputStream().write(upgradeRequest(secret).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            assertNull(
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                            .readLine(),
                    "no answer, the socket closed");
        }
        assertTrue(received.isEmpty());
        assertNull(closed.poll(200, TimeUnit.MILLISECONDS), "no connection to end");
    }

    @Test
    void dropsAConnectionSilentForTheIdleTimeout() throws Exception {
        LoopbackServer server = LoopbackServer.start(secret, echo, Duration.ofMillis(300));
        closeAfter.add(server);
        RealNodes.Raw tyrus = tyrus(server, secret, new LinkedHashMap<>());

        awaitClosed();
        await(tyrus.closed);
    }

    private LoopbackServer start(FrameHandler handler) throws Exception {
        LoopbackServer server = LoopbackServer.start(secret, handler);
        closeAfter.add(server);
        return server;
    }

    private RealNodes.Raw tyrus(LoopbackServer server, Secret key, Map<String, List<String>> answer) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("vsn", "2.0.0");
        params.put("run_key", "suite");
        RealNodes.Raw tyrus = new RealNodes.Raw();
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void afterResponse(HandshakeResponse response) {
                        response.getHeaders().forEach((name, values) -> answer.put(name.toLowerCase(), values));
                    }
                })
                .build();
        ClientManager manager = ClientManager.createClient(JdkClientContainer.class.getName());
        tyrus.session =
                manager.connectToServer(tyrus, config, new ServerAddress(server.baseUri(), key, params).connectUri());
        closeAfter.add(tyrus.session);
        return tyrus;
    }

    /** Waits until the server has accepted a socket and its upgrade is being read. */
    private static void awaitUpgrading(LoopbackServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (server.upgrading() == 0) {
            assertTrue(System.nanoTime() < deadline, "the server accepted the socket");
            Thread.onSpinWait();
        }
    }

    private static String upgradeRequest(Secret key) {
        return "GET " + OrchestratorServer.CONTEXT + OrchestratorServer.ENDPOINT + "?secret_key=" + key.reveal()
                + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    private static String statusLine(LoopbackServer server, String target) throws Exception {
        return request(
                server,
                "GET " + target + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    }

    private static String plainGet(LoopbackServer server) throws Exception {
        return request(server, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    private static String request(LoopbackServer server, String head) throws Exception {
        URI uri = server.baseUri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
        }
    }

    /** The peer whose end the handler heard of; and it heard of it once. */
    private Peer awaitClosed() throws InterruptedException {
        Peer gone = closed.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(gone, "the handler heard of the connection's end");
        assertNull(closed.poll(200, TimeUnit.MILLISECONDS), "the handler heard of it once");
        return gone;
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
