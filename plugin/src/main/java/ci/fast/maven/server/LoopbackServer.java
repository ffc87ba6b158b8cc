package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.FrameException;
import ci.fast.maven.channel.LoopbackListener;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.Serializer;
import ci.fast.maven.channel.WebSocketConnection;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The orchestrator of a local run on the loopback address ({@link LoopbackListener}): the same socket path, secret
 * key and frames as {@link OrchestratorServer}'s, for the run's own forks and nothing else (no HTTP endpoints, no
 * dashboard, no limits but the connection's own). Frames go to {@code handler} on each connection's reading thread,
 * one at a time per connection, as Tyrus gives them.
 */
public final class LoopbackServer implements AutoCloseable {
    private final LoopbackListener listener;

    private LoopbackServer(LoopbackListener listener) {
        this.listener = listener;
    }

    /**
     * Starts a server whose upgrades must carry {@code secret} and whose frames go to {@code handler}; its upgrade
     * answers say it is our own server ({@link Events#SERVER_HEADER}).
     *
     * @throws IOException when no port of the loopback address can be bound
     */
    public static LoopbackServer start(Secret secret, FrameHandler handler) throws IOException {
        // A node heartbeats every 30 s: a fork silent for a team server's default idle time is frozen, and its
        // classes go to the others, as with Tyrus before.
        return start(secret, handler, ServerSettings.Limits.DEFAULT.idleTimeout());
    }

    /** As {@link #start(Secret, FrameHandler)}, with connections silent for {@code idleTimeout} dropped. */
    static LoopbackServer start(Secret secret, FrameHandler handler, Duration idleTimeout) throws IOException {
        return new LoopbackServer(LoopbackListener.start(
                new LoopbackListener.Handler() {
                    @Override
                    public int answer(String path, Map<String, String> query) {
                        if (!(OrchestratorServer.CONTEXT + OrchestratorServer.ENDPOINT).equals(path)) {
                            return 404;
                        }
                        return secret.matches(query.get("secret_key")) ? 101 : 403;
                    }

                    @Override
                    public Map<String, String> headers() {
                        return Map.of(Events.SERVER_HEADER, "fast-ci-maven-plugin");
                    }

                    @Override
                    public WebSocketConnection.Receiver connected(
                            WebSocketConnection connection, Map<String, String> query) {
                        return new Node(connection, query.getOrDefault("run_key", ""), handler);
                    }
                },
                idleTimeout));
    }

    /** The base URL the forks are given, such as {@code ws://127.0.0.1:40123}. */
    public URI baseUri() {
        String host = listener.host();
        return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + listener.port());
    }

    /** How many accepted sockets are in their upgrade now. */
    int upgrading() {
        return listener.upgrading();
    }

    @Override
    public void close() {
        listener.close();
    }

    /** The close code of a connection ended for a message that is no frame (RFC 6455's protocol error). */
    private static final int PROTOCOL_ERROR = 1002;

    /** One fork's connection: its frames decoded for the handler, its answers in the serializer it last spoke. */
    private static final class Node implements Peer, WebSocketConnection.Receiver {
        private final WebSocketConnection connection;
        private final String runKey;
        private final FrameHandler handler;
        /** Guarded by {@code this}. */
        private Serializer serializer = Serializer.V1;

        Node(WebSocketConnection connection, String runKey, FrameHandler handler) {
            this.connection = connection;
            this.runKey = runKey;
            this.handler = handler;
        }

        @Override
        public void text(String text) {
            Serializer.Decoded decoded;
            try {
                decoded = Serializer.decode(text);
            } catch (FrameException e) {
                // A fork of ours that sends no frame is broken: it hears no more, nor do we; the handler hears of the
                // end through closed(), as of any other.
                connection.end(PROTOCOL_ERROR, "not a frame");
                return;
            }
            synchronized (this) {
                serializer = decoded.serializer();
            }
            handler.receive(this, decoded.frame());
        }

        @Override
        public void closed(int code, String reason) {
            handler.closed(this);
        }

        @Override
        public void failed(IOException error) {
            handler.closed(this);
        }

        @Override
        public void send(Frame frame) {
            if (!connection.isOpen()) {
                return; // ended: nothing follows its close frame
            }
            String text;
            synchronized (this) {
                text = serializer.encode(frame);
            }
            try {
                connection.sendText(text);
            } catch (IOException e) {
                // the connection's end, read on its thread, tells the handler
            }
        }

        @Override
        public String describe() {
            return connection.remote();
        }

        @Override
        public String runKey() {
            return runKey;
        }
    }
}
