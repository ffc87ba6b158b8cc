package ci.fast.maven.channel;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A WebSocket connection (RFC 6455) on a plain JDK socket, TLS for {@code wss}: text messages out, text messages in
 * (fragments joined), pings answered, the close handshake. It is all a node needs, in a few classes: a fork that
 * loaded a WebSocket library for it paid about 150 ms of class loading before its first test. The client's side
 * ({@link #open}) masks what it sends; the server's ({@link #accepted}, a local run's {@link LoopbackListener}) does not,
 * and takes only masked frames, as the RFC has each side do.
 *
 * <p>One daemon thread reads; {@link Receiver} is called on it, in the order frames arrive. Sends may come from any
 * thread.
 */
public final class WebSocketConnection implements AutoCloseable {
    /** A message larger than this ends the connection (as the former client's incoming buffer did). */
    static final int MAX_MESSAGE = 64 * 1024 * 1024;
    /** How long a local close waits for the other side's answer to the close frame before it drops the socket. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private static final int CONTINUATION = 0x0;
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    /**
     * The upgrade's nonces and the frames' masks, for every connection of the JVM (a {@code SecureRandom} is safe to
     * share between threads). Made once: the first one costs a cold JVM its security providers, 50 to 90 ms.
     */
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the reading thread reports. */
    public interface Receiver {
        /** A whole text message. */
        void text(String text);

        /** The server closed the connection, with a close frame or without (1006). Called at most once. */
        void closed(int code, String reason);

        /** Reading failed. Called at most once, and never after {@link #closed}. */
        void failed(IOException error);
    }

    private final Socket socket;
    /** Whether this is the client's side, which masks its frames; the server's takes only masked ones. */
    private final boolean client;

    private final DataInputStream in;
    /** Guarded by itself: one frame at a time. */
    private final OutputStream out;

    private final Map<String, String> headers;
    /** Set before the reading thread starts; never changed after. */
    private Receiver receiver;
    /** Whether the end (close, loss) has been reported or asked for; the receiver hears of at most one. */
    private final AtomicBoolean ended = new AtomicBoolean();

    private final CountDownLatch readerDone = new CountDownLatch(1);
    /** The reading thread; null until started. */
    private volatile Thread reader;

    private WebSocketConnection(
            Socket socket, boolean client, DataInputStream in, Map<String, String> headers, Receiver receiver)
            throws IOException {
        this.socket = socket;
        this.client = client;
        this.in = in;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.headers = headers;
        this.receiver = receiver;
    }

    /** Makes the random source ready (its seed read), which {@link #open} would otherwise do first. */
    static void prepare() {
        RANDOM.nextBytes(new byte[16]);
    }

    /**
     * Connects, upgrades, and starts reading.
     *
     * @param timeout bounds the TCP connect and, from its end, each read of the TLS handshake and the upgrade
     * @throws java.net.SocketTimeoutException when the server does not answer within {@code timeout}
     * @throws UpgradeRefused when the server answers the upgrade with another status than 101
     */
    static WebSocketConnection open(URI uri, Duration timeout, Receiver receiver) throws IOException {
        boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // small frames answered by small frames: Nagle's delay would add up
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            if (tls) {
                socket = secure(socket, uri.getHost(), port);
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            byte[] nonce = new byte[16];
            RANDOM.nextBytes(nonce);
            Map<String, String> headers =
                    Upgrade.perform(uri, Base64.getEncoder().encodeToString(nonce), socket.getOutputStream(), in);
            socket.setSoTimeout(0);
            WebSocketConnection connection = new WebSocketConnection(socket, true, in, headers, receiver);
            connection.start();
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * The server's side of a connection whose upgrade {@code socket} has answered, reading from {@code in} (at the
     * first frame's byte); starts reading once {@code receiver} is had from {@code connected}.
     */
    static WebSocketConnection accepted(
            Socket socket, DataInputStream in, java.util.function.Function<WebSocketConnection, Receiver> connected)
            throws IOException {
        WebSocketConnection connection = new WebSocketConnection(socket, false, in, Map.of(), null);
        connection.receiver = connected.apply(connection); // before the reading thread starts, which sees it
        connection.start();
        return connection;
    }

    /** TLS over the connected socket, with the host name checked against the certificate, as HTTPS does. */
    private static Socket secure(Socket plain, String host, int port) throws IOException {
        // A context of its own, not the JVM's default, which is made once: the trust store the JVM's properties name
        // now (javax.net.ssl.trustStore), as each connection of Java's other clients reads it.
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS failure: " + e.getMessage(), e);
        }
        SSLSocketFactory factory = context.getSocketFactory();
        SSLSocket ssl = (SSLSocket) factory.createSocket(plain, host, port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private void start() {
        Thread thread = new Thread(this::read, "fast-ci-websocket");
        // A daemon: a fork that is done exits without closing it first.
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    /** The upgrade answer's header {@code name} (any case), or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Sends one text message as one frame. */
    public void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The other side's address, for logs. */
    public String remote() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }

    /** Whether neither side has ended the connection yet. */
    public boolean isOpen() {
        return !ended.get();
    }

    /**
     * Sends a normal close (1000), waits a moment for the other side's answer so that what was sent before is read, and
     * drops the socket. The receiver hears nothing more.
     */
    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            sendClose(1000, "");
        }
        closeSocket();
    }

    /**
     * Closes with {@code code} and {@code reason} as {@link #close} does, and tells the receiver so ({@link
     * Receiver#closed}) unless the connection had ended before: a server that ends a connection, whose handler must
     * hear of each end once.
     */
    public void end(int code, String reason) {
        if (ended.compareAndSet(false, true)) {
            sendClose(code, reason);
            closeSocket();
            receiver.closed(code, reason);
        }
    }

    /** Sends a close frame and waits a moment for the other side's answer, so that what was sent before is read. */
    private void sendClose(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + Math.min(text.length, 123)]; // a control frame's payload is at most 125 bytes
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) (code & 0xff);
        System.arraycopy(text, 0, payload, 2, payload.length - 2);
        try {
            send(CLOSE, payload);
            if (Thread.currentThread() != reader) {
                readerDone.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            // the socket goes anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with it
        }
    }

    private void send(int opcode, byte[] payload) throws IOException {
        byte[] mask = null;
        byte[] sent = payload;
        if (client) {
            mask = new byte[4];
            RANDOM.nextBytes(mask);
            sent = new byte[payload.length];
            for (int i = 0; i < payload.length; i++) {
                sent[i] = (byte) (payload[i] ^ mask[i & 3]);
            }
        }
        int maskBit = client ? 0x80 : 0;
        synchronized (out) {
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(maskBit | payload.length);
            } else if (payload.length <= 0xffff) {
                out.write(maskBit | 126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xff);
            } else {
                out.write(maskBit | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) (((long) payload.length >>> shift) & 0xff));
                }
            }
            if (mask != null) {
                out.write(mask);
            }
            out.write(sent);
            out.flush();
        }
    }

    /** The other side, as messages name it. */
    private String peer() {
        return client ? "the server" : "the client";
    }

    private void read() {
        try {
            readFrames();
        } catch (EOFException e) {
            end(() -> receiver.closed(1006, ""));
        } catch (IOException e) {
            end(() -> receiver.failed(e));
        } catch (RuntimeException e) {
            // A receiver's own failure: the connection is over for it too, and it hears so, instead of the reading
            // thread ending silently with the socket open.
            end(() -> receiver.failed(new IOException("the connection's reader failed: " + e, e)));
        } finally {
            readerDone.countDown();
            if (ended.get()) {
                closeSocket();
            }
        }
    }

    private void readFrames() throws IOException {
        ByteArrayOutputStream message = null; // a text message's fragments so far, or null between messages
        int messageType = -1; // the opcode of the message whose fragments are arriving
        while (true) {
            int first = in.readUnsignedByte();
            boolean fin = (first & 0x80) != 0;
            int opcode = first & 0x0f;
            byte[] payload = payload();
            if (opcode >= CLOSE && (!fin || payload.length > 125)) { // RFC 6455 section 5.5
                throw new IOException(peer() + " sent a control frame that is fragmented or longer than 125 bytes");
            }
            switch (opcode) {
                case CONTINUATION, TEXT, 0x2 -> {
                    if ((opcode == CONTINUATION) == (messageType == -1)) {
                        throw new IOException(peer() + " sent a fragment out of order");
                    }
                    if (opcode != CONTINUATION) {
                        messageType = opcode;
                        message = new ByteArrayOutputStream();
                    }
                    if (message.size() + payload.length > MAX_MESSAGE) {
                        throw new IOException(peer() + " sent a message larger than " + MAX_MESSAGE + " bytes");
                    }
                    message.write(payload);
                    if (fin) {
                        // Phoenix's V1 frames are text; a binary message would be no frame of ours, and is dropped.
                        if (messageType == TEXT && !ended.get()) { // once closed, the receiver hears no more
                            receiver.text(message.toString(StandardCharsets.UTF_8));
                        }
                        message = null;
                        messageType = -1;
                    }
                }
                case PING -> send(PONG, payload);
                case PONG -> {}
                case CLOSE -> {
                    closedByPeer(payload);
                    return;
                }
                default -> throw new IOException(peer() + " sent a frame of unknown type " + opcode);
            }
        }
    }

    /** Reads a frame's length, mask and payload, the payload unmasked. */
    private byte[] payload() throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length < 0 || length > MAX_MESSAGE) {
            throw new IOException(peer() + " sent a message larger than " + MAX_MESSAGE + " bytes");
        }
        byte[] mask = null;
        if ((second & 0x80) != 0) {
            if (client) {
                throw new IOException("the server sent a masked frame"); // RFC 6455 section 5.1: the client closes
            }
            mask = new byte[4];
            in.readFully(mask);
        } else if (!client) {
            throw new IOException("the client sent an unmasked frame"); // RFC 6455 section 5.1: the server closes
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return payload;
    }

    /** Answers the other side's close frame with its code, as RFC 6455 section 5.5.1 asks, and reports it. */
    private void closedByPeer(byte[] payload) {
        int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        String reason = payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        end(() -> {
            try {
                send(CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
            } catch (IOException e) {
                // the other side may have dropped the socket already
            }
            receiver.closed(code, reason);
        });
    }

    /** Runs {@code report} unless the end was reported or asked for before. */
    private void end(Runnable report) {
        if (ended.compareAndSet(false, true)) {
            report.run();
        }
    }
}
