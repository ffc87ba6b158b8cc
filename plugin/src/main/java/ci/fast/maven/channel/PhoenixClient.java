package ci.fast.maven.channel;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node's Phoenix socket (V1 frames): integer refs shared by heartbeats and pushes, replies matched to their push,
 * a heartbeat that declares the connection dead when a reply is missing, and everything else handed to the
 * {@link Listener}.
 */
public final class PhoenixClient implements AutoCloseable {
    /** PROTOCOL.md section 2. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);

    /** What the client reports besides replies. Called on the connection's reading thread. */
    public interface Listener {
        /** A server push, or a reply to no pending push. */
        default void pushed(Frame frame) {}

        /** The connection is gone; {@code reason} is a user-facing cause. Called at most once. */
        default void lost(String reason) {}

        /**
         * The connection is gone; {@code transientLoss} says whether a reconnect may help (the network or the server
         * went away) or not (the server sent what is no Phoenix frame). Called at most once; by default calls
         * {@link #lost(String)}.
         */
        default void lost(String reason, boolean transientLoss) {
            lost(reason);
        }
    }

    private final ServerAddress address;
    private final Listener listener;
    private final AtomicLong refs = new AtomicLong();
    /** Pushes awaiting their reply, by ref. */
    private final Map<String, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    /** Whether the upgrade's answer said the server is ours ({@link Events#SERVER_HEADER}); set before connected. */
    private volatile boolean ours;
    /** Where the server's run pages are ({@link Events#DASHBOARD_HEADER}), or null; set before connected. */
    private volatile String dashboard;
    /** Set once connected; never null after {@link #connect}. */
    private volatile WebSocketConnection connection;
    /** The heartbeat's handle; null until connected. */
    private volatile AutoCloseable heartbeat;
    /** The ref of the heartbeat sent and not yet answered, or null. Guarded by {@code this}. */
    private String unansweredHeartbeat;
    /** Why the connection ended, or null while it is up. Guarded by {@code this}. */
    private String lostReason;
    /** Whether the loss, once there is one, may heal by reconnecting. Guarded by {@code this}. */
    private boolean lostTransient = true;

    private PhoenixClient(ServerAddress address, Listener listener) {
        this.address = address;
        this.listener = listener;
    }

    /**
     * Does the part of a first connect that needs no server: the random source of the upgrade's nonce and the frames'
     * masks, made ready. A caller that waits for the server's address anyway (a fork, while Maven's JVM starts the
     * embedded server) calls it first, so that the wait, not the connect, pays for it.
     */
    public static void prepare() {
        WebSocketConnection.prepare();
    }

    /**
     * Connects and starts the heartbeat.
     *
     * @throws ChannelException naming the server and the cause when the upgrade fails
     */
    public static PhoenixClient connect(
            ServerAddress address, Duration connectTimeout, Scheduler scheduler, Listener listener)
            throws ChannelException {
        PhoenixClient client = new PhoenixClient(address, listener);
        try {
            client.connection = WebSocketConnection.open(address.connectUri(), connectTimeout, client.new Receiver());
        } catch (SocketTimeoutException e) {
            throw new ChannelException(
                    "cannot connect to " + address + ": no answer within " + connectTimeout.toSeconds() + " s", true);
        } catch (IOException | RuntimeException e) {
            throw new ChannelException(
                    "cannot connect to " + address + ": " + ConnectFailure.describe(e, address),
                    !ConnectFailure.isFinal(e));
        }
        String server = client.connection.header(Events.SERVER_HEADER);
        client.ours = server != null && !server.isEmpty();
        String dashboard = client.connection.header(Events.DASHBOARD_HEADER);
        client.dashboard = dashboard != null && dashboard.startsWith("/") ? dashboard : null;
        client.heartbeat = scheduler.every(HEARTBEAT, client::beat);
        return client;
    }

    /**
     * Whether the server said, in its answer to the upgrade, that it is our own ({@code fast-ci:serve} or the embedded
     * one), which takes the optional fields of PROTOCOL.md section 5; the cloud never says so.
     */
    public boolean ours() {
        return ours;
    }

    /**
     * The path of our server's dashboard's run pages, such as {@code /runs/}, when its upgrade answer said it has one
     * ({@link Events#DASHBOARD_HEADER}); empty otherwise, and always with the cloud.
     */
    public Optional<String> dashboard() {
        return Optional.ofNullable(dashboard);
    }

    /**
     * Sends a push with a fresh ref.
     *
     * @return completes with the reply, or exceptionally with a {@link ChannelException} if the connection ends first
     *     (also when it had ended before this call); a push that gets no reply by protocol (enq, leave) completes only
     *     that way
     */
    public CompletableFuture<Frame> push(String topic, String event, JsonObject payload) {
        long ref = refs.incrementAndGet();
        String key = Long.toString(ref);
        CompletableFuture<Frame> reply = new CompletableFuture<>();
        pending.put(key, reply);
        String reason = lostReason();
        if (reason == null) {
            send(Frame.push(ref, topic, event, payload));
            reason = lostReason();
        }
        // A push after the loss, or racing it, may have missed failPending; whoever removes it completes it.
        if (reason != null) {
            CompletableFuture<Frame> missed = pending.remove(key);
            if (missed != null) {
                missed.completeExceptionally(failure(reason, lostTransient()));
            }
        }
        return reply;
    }

    private synchronized String lostReason() {
        return lostReason;
    }

    private synchronized boolean lostTransient() {
        return lostTransient;
    }

    /** Sends the heartbeat, or, when the last one is still unanswered, declares the connection dead. */
    void beat() {
        String ref;
        synchronized (this) {
            if (lostReason != null) {
                return;
            }
            if (unansweredHeartbeat != null) {
                ref = null;
            } else {
                ref = Long.toString(refs.incrementAndGet());
                unansweredHeartbeat = ref;
            }
        }
        if (ref == null) {
            lose("no heartbeat reply within " + HEARTBEAT.toSeconds() + " s");
            closeQuietly();
            return;
        }
        send(Frame.push(Long.parseLong(ref), Events.PHOENIX_TOPIC, Events.HEARTBEAT, Json.EMPTY));
    }

    private void send(Frame frame) {
        String text = Serializer.V1.encode(frame);
        try {
            connection.sendText(text);
        } catch (IOException | RuntimeException e) {
            // push must fail its future, not throw.
            lose("the connection broke while sending: " + address.secret().redact(String.valueOf(e.getMessage())));
        }
    }

    private void received(String text) {
        Frame frame;
        try {
            frame = Serializer.decode(text).frame();
        } catch (FrameException e) {
            lose("the server sent a malformed frame: " + e.getMessage(), false);
            closeQuietly();
            return;
        }
        String ref = frame.refKey();
        if (frame.isReply() && ref != null) {
            synchronized (this) {
                if (ref.equals(unansweredHeartbeat)) {
                    unansweredHeartbeat = null;
                    return;
                }
            }
            CompletableFuture<Frame> reply = pending.remove(ref);
            if (reply != null) {
                reply.complete(frame);
                return;
            }
        }
        listener.pushed(frame);
    }

    private void lose(String reason) {
        lose(reason, true);
    }

    private void lose(String reason, boolean transientLoss) {
        synchronized (this) {
            if (lostReason != null) {
                return;
            }
            lostReason = reason;
            lostTransient = transientLoss;
        }
        failPending(reason, transientLoss);
        listener.lost(reason, transientLoss);
    }

    private void failPending(String reason, boolean transientLoss) {
        ChannelException failure = failure(reason, transientLoss);
        for (String key : pending.keySet()) {
            CompletableFuture<Frame> reply = pending.remove(key);
            if (reply != null) {
                reply.completeExceptionally(failure);
            }
        }
    }

    private ChannelException failure(String reason, boolean transientLoss) {
        return new ChannelException("lost the connection to " + address + ": " + reason, transientLoss);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (lostReason == null) {
                lostReason = "closed by the client";
                lostTransient = false;
            }
        }
        failPending(lostReason(), lostTransient());
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            AutoCloseable beat = heartbeat;
            if (beat != null) {
                beat.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (Exception e) {
            // closing anyway
        }
    }

    private final class Receiver implements WebSocketConnection.Receiver {
        @Override
        public void text(String text) {
            received(text);
        }

        @Override
        public void closed(int code, String reason) {
            lose("the server closed the connection (" + code + (reason.isEmpty() ? "" : ": " + reason) + ")");
        }

        @Override
        public void failed(IOException error) {
            lose(address.secret().redact(String.valueOf(error.getMessage())));
        }
    }
}
