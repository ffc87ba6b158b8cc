package ci.fast.maven.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The heartbeat against a server that accepts the upgrade and then never answers, with time driven by hand: the one
 * way to see a missing reply without waiting 30 s.
 */
class PhoenixClientHeartbeatTest {
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ManualScheduler scheduler = new ManualScheduler();
    private final CompletableFuture<String> lost = new CompletableFuture<>();
    private final CompletableFuture<Boolean> lostTransient = new CompletableFuture<>();
    private ServerSocket listener;
    private CompletableFuture<Socket> accepted;
    private PhoenixClient client;

    @BeforeEach
    void connectToASilentServer() throws Exception {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        accepted = CompletableFuture.supplyAsync(this::acceptUpgradeThenStaySilent);
        ServerAddress address = new ServerAddress(
                URI.create("ws://127.0.0.1:" + listener.getLocalPort()), Secret.of("s3cret"), Map.of("build_id", "1"));
        client = PhoenixClient.connect(address, Duration.ofSeconds(10), scheduler, new PhoenixClient.Listener() {
            @Override
            public void lost(String reason, boolean transientLoss) {
                lostTransient.complete(transientLoss);
                lost.complete(reason);
            }
        });
    }

    @AfterEach
    void closeEverything() throws Exception {
        client.close();
        accepted.get(10, TimeUnit.SECONDS).close();
        listener.close();
    }

    @Test
    void sendsTheFirstHeartbeatWithoutDeclaringAnything() {
        scheduler.tick();

        assertFalse(lost.isDone());
        assertEquals(1, scheduler.scheduled());
    }

    @Test
    void declaresTheConnectionLostWhenTheLastHeartbeatIsStillUnansweredAtTheNext() throws Exception {
        CompletableFuture<Frame> pending = client.push("test_orchestrator:junit-1", Events.JOIN, Json.EMPTY);
        scheduler.tick();

        scheduler.tick();

        assertEquals("no heartbeat reply within 30 s", lost.get(10, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertInstanceOf(ChannelException.class, e.getCause());
        assertFalse(e.getCause().getMessage().contains("s3cret"), e.getCause().getMessage());
        assertEquals(0, scheduler.scheduled(), "the heartbeat still runs after the loss");
    }

    @Test
    void malformedFrameEndsTheConnectionForGoodWithTheReason() throws Exception {
        CompletableFuture<Frame> pending = client.push("test_orchestrator:junit-1", Events.JOIN, Json.EMPTY);
        byte[] text = "{\"topic\":\"t\"} trailing".getBytes(StandardCharsets.UTF_8);
        OutputStream out = accepted.get(10, TimeUnit.SECONDS).getOutputStream();
        // One unmasked final text frame (RFC 6455 section 5.2), as a server sends it.
        out.write(new byte[] {(byte) 0x81, (byte) text.length});
        out.write(text);
        out.flush();

        assertEquals(
                "the server sent a malformed frame: not JSON: {\"topic\":\"t\"} trailing",
                lost.get(10, TimeUnit.SECONDS));
        assertFalse(lostTransient.get(), "a server that speaks no Phoenix is not worth a reconnect");
        ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(10, TimeUnit.SECONDS));
        assertFalse(((ChannelException) e.getCause()).isTransient());
    }

    @Test
    void missedHeartbeatIsATransientLoss() throws Exception {
        scheduler.tick();
        scheduler.tick();

        assertEquals("no heartbeat reply within 30 s", lost.get(10, TimeUnit.SECONDS));
        assertEquals(true, lostTransient.get());
    }

    /** Completes the WebSocket upgrade (RFC 6455 section 4.2.2), then reads nothing and writes nothing. */
    private Socket acceptUpgradeThenStaySilent() {
        try {
            Socket socket = listener.accept();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String key = null;
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1));
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return socket;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
