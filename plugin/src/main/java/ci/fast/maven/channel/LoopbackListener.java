package ci.fast.maven.channel;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A WebSocket server on the loopback address, on plain JDK sockets: the embedded orchestrator of a local run, whose
 * few clients are the run's own forks. A thread accepts; each connection gets a thread for its upgrade and then its
 * {@link WebSocketConnection}'s reading thread. It loads a few classes where Grizzly and Tyrus load about 940: in
 * Maven's JVM their start was on the forks' path to their first batch (0.4 to 1.6 s under load), and the class
 * loading made Maven's class realms hot enough to be compiled by C2 while the tests ran. A team's server
 * ({@code fast-ci:serve}) stays on Tyrus.
 */
public final class LoopbackListener implements AutoCloseable {
    /** Bounds the reading of an upgrade request: a client that sends none is dropped. */
    static final Duration UPGRADE_TIMEOUT = Duration.ofSeconds(30);

    /** What the server does with the requests and connections. */
    public interface Handler {
        /**
         * The answer to an upgrade request for {@code path} with the decoded {@code query}: 101 to accept it, else the
         * HTTP status to refuse it with (403, 404, …).
         */
        int answer(String path, Map<String, String> query);

        /** The headers of an accepted upgrade's answer besides the handshake's own. */
        Map<String, String> headers();

        /** The receiver of the messages of a connection whose upgrade was accepted with {@code query}. */
        WebSocketConnection.Receiver connected(WebSocketConnection connection, Map<String, String> query);
    }

    private final ServerSocket socket;
    private final Handler handler;
    private final Duration idleTimeout;
    /** The accepted sockets whose upgrade is under way. */
    private final Set<Socket> upgrading = ConcurrentHashMap.newKeySet();

    private final Set<WebSocketConnection> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    /** Set by {@link #close}: no upgrade is answered after it, and a connection accepted meanwhile is ended. */
    private volatile boolean closed;

    private LoopbackListener(ServerSocket socket, Handler handler, Duration idleTimeout) {
        this.socket = socket;
        this.handler = handler;
        this.idleTimeout = idleTimeout;
        this.acceptor = new Thread(this::accept, "fast-ci-loopback-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Binds an ephemeral port of the loopback address and accepts on it; a connection silent for {@code idleTimeout}
     * is dropped (its receiver hears of a failed read).
     */
    public static LoopbackListener start(Handler handler, Duration idleTimeout) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        LoopbackListener listener = new LoopbackListener(socket, handler, idleTimeout);
        listener.acceptor.start();
        return listener;
    }

    /** The bound address, {@code 127.0.0.1} on most machines. */
    public String host() {
        return socket.getInetAddress().getHostAddress();
    }

    /** The bound port. */
    public int port() {
        return socket.getLocalPort();
    }

    /** How many accepted sockets are in their upgrade now. */
    public int upgrading() {
        return upgrading.size();
    }

    private void accept() {
        while (!closed) {
            Socket accepted;
            try {
                accepted = socket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // Out of file descriptors, or a connection aborted before it was accepted: the others may still come.
                LockSupport.parkNanos(ACCEPT_PAUSE.toNanos());
                continue;
            }
            upgrading.add(accepted);
            if (closed) {
                quietly(accepted);
                return;
            }
            Thread upgrade = new Thread(() -> upgrade(accepted), "fast-ci-loopback-upgrade");
            upgrade.setDaemon(true);
            upgrade.start();
        }
    }

    private void upgrade(Socket accepted) {
        try {
            accepted.setTcpNoDelay(true);
            accepted.setSoTimeout((int) UPGRADE_TIMEOUT.toMillis());
            DataInputStream in = new DataInputStream(new BufferedInputStream(accepted.getInputStream()));
            Upgrade.Request request = Upgrade.readRequest(in);
            OutputStream out = accepted.getOutputStream();
            int status = request.key() == null ? 400 : handler.answer(request.path(), request.query());
            if (status != 101) {
                out.write(Upgrade.refused(status, reason(status)));
                out.flush();
                accepted.close();
                return;
            }
            if (closed) {
                accepted.close();
                return;
            }
            out.write(Upgrade.accepted(request.key(), handler.headers()));
            out.flush();
            accepted.setSoTimeout((int) idleTimeout.toMillis());
            WebSocketConnection connection = WebSocketConnection.accepted(accepted, in, c -> {
                open.add(c);
                WebSocketConnection.Receiver receiver = handler.connected(c, request.query());
                return new Forgetting(receiver, () -> open.remove(c));
            });
            if (closed) {
                connection.end(GOING_AWAY, "the server stops"); // accepted while close() went over the open ones
            }
        } catch (IOException | RuntimeException e) {
            quietly(accepted);
        } finally {
            upgrading.remove(accepted);
        }
    }

    private static void quietly(Socket accepted) {
        try {
            accepted.close();
        } catch (IOException closing) {
            // gone already
        }
    }

    private static final int GOING_AWAY = 1001;
    /** How long the acceptor pauses after a failed accept, so that running out of descriptors is no busy loop. */
    private static final Duration ACCEPT_PAUSE = Duration.ofMillis(50);

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 503 -> "Service Unavailable";
            default -> "Refused";
        };
    }

    /**
     * Stops accepting, drops the upgrades under way and ends the connections still open (1001, going away), each of
     * whose receivers hears of it.
     */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closed anyway
        }
        upgrading.forEach(LoopbackListener::quietly);
        open.forEach(connection -> connection.end(GOING_AWAY, "the server stops"));
    }

    /** A receiver that forgets its connection once it ended. */
    private record Forgetting(WebSocketConnection.Receiver receiver, Runnable forget)
            implements WebSocketConnection.Receiver {
        @Override
        public void text(String text) {
            receiver.text(text);
        }

        @Override
        public void closed(int code, String reason) {
            forget.run();
            receiver.closed(code, reason);
        }

        @Override
        public void failed(IOException error) {
            forget.run();
            receiver.failed(error);
        }
    }
}
