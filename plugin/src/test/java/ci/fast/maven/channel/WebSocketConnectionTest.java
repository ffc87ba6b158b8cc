package ci.fast.maven.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The plugin's own WebSocket client against a hand-written server that sends the frames RFC 6455 allows. */
@Timeout(60)
class WebSocketConnectionTest {
    private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocketConnection.Receiver receiver = new WebSocketConnection.Receiver() {
        @Override
        public void text(String text) {
            texts.add(text);
        }

        @Override
        public void closed(int code, String reason) {
            closed.complete(code + " " + reason);
        }

        @Override
        public void failed(IOException error) {
            closed.complete("failed: " + error.getMessage());
        }
    };
    private final ServerSocket listener = listen();
    private WebSocketConnection connection;

    @AfterEach
    void closeEverything() throws IOException {
        if (connection != null) {
            connection.close();
        }
        listener.close();
    }

    @Test
    void readsTheServersHeaderFromTheUpgradeAnswerWhateverItsCase() throws Exception {
        CompletableFuture<Socket> server = accept("X-Fast-CI-Server: 1\r\n");

        connection = open();

        assertEquals("1", connection.header(Events.SERVER_HEADER));
        assertEquals(null, connection.header("x-other"));
        server.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void joinsFragmentsAndReadsEveryLengthForm() throws Exception {
        CompletableFuture<Socket> server = accept("");
        connection = open();
        OutputStream out = server.get(10, TimeUnit.SECONDS).getOutputStream();
        String medium = "m".repeat(300);
        String large = "l".repeat(70_000);

        out.write(frame(false, 0x1, "{\"par".getBytes(StandardCharsets.UTF_8)));
        out.write(frame(true, 0x0, "t\":1}".getBytes(StandardCharsets.UTF_8)));
        out.write(frame(true, 0x1, medium.getBytes(StandardCharsets.UTF_8)));
        out.write(frame(true, 0x1, large.getBytes(StandardCharsets.UTF_8)));
        out.flush();

        assertEquals("{\"part\":1}", texts.poll(10, TimeUnit.SECONDS));
        assertEquals(medium, texts.poll(10, TimeUnit.SECONDS));
        assertEquals(large, texts.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void sendsMaskedTextFramesAndAnswersAPingWithItsPayload() throws Exception {
        CompletableFuture<Socket> server = accept("");
        connection = open();
        Socket socket = server.get(10, TimeUnit.SECONDS);
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String text = "é".repeat(200);

        connection.sendText(text);
        assertArrayEquals(new Object[] {0x1, text}, readClientFrame(in));

        socket.getOutputStream().write(frame(true, 0x9, new byte[] {1, 2, 3}));
        socket.getOutputStream().flush();
        assertArrayEquals(new Object[] {0xA, "\u0001\u0002\u0003"}, readClientFrame(in));
    }

    @Test
    void reportsTheServersCloseCodeAndReasonAndAnswersIt() throws Exception {
        CompletableFuture<Socket> server = accept("");
        connection = open();
        Socket socket = server.get(10, TimeUnit.SECONDS);
        byte[] reason = "going away".getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[reason.length + 2];
        payload[0] = (byte) (4001 >> 8);
        payload[1] = (byte) (4001 & 0xff);
        System.arraycopy(reason, 0, payload, 2, reason.length);

        socket.getOutputStream().write(frame(true, 0x8, payload));
        socket.getOutputStream().flush();

        assertEquals("4001 going away", closed.get(10, TimeUnit.SECONDS));
        Object[] answer = readClientFrame(new DataInputStream(socket.getInputStream()));
        assertEquals(0x8, answer[0]);
        assertFalse(connection.isOpen());
    }

    @Test
    void aMaskedServerFrameEndsTheConnection() throws Exception {
        CompletableFuture<Socket> server = accept("");
        connection = open();
        Socket socket = server.get(10, TimeUnit.SECONDS);

        byte[] text = "[null,null,\"t\",\"e\",{}]".getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(new byte[] {(byte) 0x81, (byte) (0x80 | text.length), 0, 0, 0, 0});
        socket.getOutputStream().write(text); // masked with zeros: the same bytes
        socket.getOutputStream().flush();

        assertEquals("failed: the server sent a masked frame", closed.get(10, TimeUnit.SECONDS));
        assertTrue(texts.isEmpty(), "a masked frame is no message: " + texts);
    }

    @Test
    void aDroppedSocketIsAnAbnormalClose() throws Exception {
        CompletableFuture<Socket> server = accept("");
        connection = open();

        server.get(10, TimeUnit.SECONDS).close();

        assertEquals("1006 ", closed.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aRefusedUpgradeCarriesItsStatus() throws Exception {
        CompletableFuture<Socket> server = CompletableFuture.supplyAsync(() -> {
            try {
                Socket socket = listener.accept();
                readRequest(socket);
                socket.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes());
                socket.getOutputStream().flush();
                return socket;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        UpgradeRefused e = assertThrows(UpgradeRefused.class, this::open);

        assertEquals(403, e.status());
        server.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void anAnswerWithAWrongAcceptIsNoConnection() throws Exception {
        CompletableFuture<Socket> server = CompletableFuture.supplyAsync(() -> {
            try {
                Socket socket = listener.accept();
                readRequest(socket);
                socket.getOutputStream()
                        .write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                        + "Sec-WebSocket-Accept: bm90IGl0\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                return socket;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        IOException e = assertThrows(IOException.class, this::open);

        assertTrue(e.getMessage().contains("Sec-WebSocket-Accept"), e.getMessage());
        server.get(10, TimeUnit.SECONDS).close();
    }

    @Test
    void phoenixClientSeesWhetherTheEmbeddedServerIsOurs() throws Exception {
        for (boolean ours : new boolean[] {true, false}) {
            try (OrchestratorServer server =
                    OrchestratorServer.start("127.0.0.1", 0, Secret.of("k"), new Orchestrator(line -> {}), ours)) {
                ServerAddress address = new ServerAddress(server.baseUri(), Secret.of("k"), Map.of("build_id", "1"));
                try (PhoenixClient client = PhoenixClient.connect(
                        address, Duration.ofSeconds(10), new ManualScheduler(), new PhoenixClient.Listener() {})) {
                    assertEquals(ours, client.ours());
                }
            }
        }
    }

    @Test
    void theReadingThreadIsADaemonSoThatAForkThatIsDoneExits() throws Exception {
        CompletableFuture<Socket> server = accept("");
        connection = open();

        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fast-ci-websocket"))
                .findFirst()
                .orElseThrow();

        assertTrue(reader.isDaemon());
        assertInstanceOf(Socket.class, server.get(10, TimeUnit.SECONDS));
    }

    private WebSocketConnection open() throws IOException {
        return WebSocketConnection.open(
                URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/socket?x=1"),
                Duration.ofSeconds(10),
                receiver);
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Accepts one upgrade and answers it with 101, adding {@code extraHeaders}. */
    private CompletableFuture<Socket> accept(String extraHeaders) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Socket socket = listener.accept();
                String key = readRequest(socket);
                socket.getOutputStream()
                        .write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                        + "Sec-WebSocket-Accept: " + Upgrade.accept(key) + "\r\n" + extraHeaders
                                        + "\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                return socket;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Reads the request's head byte by byte (nothing beyond it) and returns its Sec-WebSocket-Key. */
    private static String readRequest(Socket socket) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = socket.getInputStream().read();
            if (b < 0) {
                throw new IOException("no request");
            }
            head.append((char) b);
        }
        BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(head.toString().getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1));
        String key = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return key;
    }

    /** An unmasked server frame (RFC 6455 section 5.2). */
    private static byte[] frame(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length <= 0xffff) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) payload.length >>> shift) & 0xff));
            }
        }
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    /** A client frame's opcode and unmasked payload (as UTF-8 text); fails when the client did not mask it. */
    private static Object[] readClientFrame(DataInputStream in) throws IOException {
        int opcode = in.readUnsignedByte() & 0x0f;
        int second = in.readUnsignedByte();
        assertTrue((second & 0x80) != 0, "a client frame must be masked");
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] mask = new byte[4];
        in.readFully(mask);
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        return new Object[] {opcode, new String(payload, StandardCharsets.UTF_8)};
    }
}
