package ci.fast.maven.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 (ephemeral port) between nodes and an orchestrator, which breaks the network on command:
 * {@link #cutAll() cut} every open connection, {@link #stallAll() stall} them (bytes vanish, sockets stay open, as in a
 * partition), or {@link #delay(Duration) delay} every chunk. Connections made after a cut or a stall pass normally.
 * Test scope only; it counts what it injected so that a test can print the figures.
 */
public final class FaultProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final List<Pair> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger faults = new AtomicInteger();
    /** Added to every chunk forwarded; zero for none. */
    private volatile Duration delay = Duration.ZERO;

    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port nodes connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Closes every open connection on both sides at once, as a network cut the peers see as a reset. */
    public void cutAll() {
        faults.incrementAndGet();
        for (Pair pair : open) {
            pair.close();
        }
    }

    /**
     * Closes one open connection, the {@code pick}th (modulo how many are open), as a cut of one node's link; counts a
     * fault even when none is open.
     */
    public void cutOne(int pick) {
        faults.incrementAndGet();
        List<Pair> now = List.copyOf(open);
        if (!now.isEmpty()) {
            now.get(Math.floorMod(pick, now.size())).close();
        }
    }

    /**
     * From now on, the open connections forward nothing and stay open: a partition. A peer notices only by its own
     * timeouts (the node's heartbeat); when one side closes, the proxy closes the other, as the far side's own idle
     * timeout eventually would.
     */
    public void stallAll() {
        faults.incrementAndGet();
        for (Pair pair : open) {
            pair.stalled = true;
        }
    }

    /** Delays every chunk by {@code latency} from now on, in both directions; zero ends it. */
    public void delay(Duration latency) {
        if (!latency.isZero()) {
            faults.incrementAndGet();
        }
        this.delay = latency;
    }

    /** Faults injected so far. */
    public int faults() {
        return faults.get();
    }

    /** Connections accepted so far. */
    public int accepted() {
        return accepted.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(Pair::close);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                accepted.incrementAndGet();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Pair pair = new Pair(client, server);
                open.add(pair);
                pump(pair, client, server, "up");
                pump(pair, server, client, "down");
            } catch (IOException e) {
                // the listener closed, or the target refused: the node's connect fails, as it would without a proxy
            }
        }
    }

    private void pump(Pair pair, Socket from, Socket to, String direction) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            if (pair.stalled) {
                                continue; // swallowed: the far side hears nothing
                            }
                            Duration latency = delay;
                            if (!latency.isZero()) {
                                // The injected latency itself, not a synchronisation.
                                TimeUnit.MILLISECONDS.sleep(latency.toMillis());
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // cut, or the peer went away
                    } finally {
                        pair.close();
                    }
                },
                "fault-proxy-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    /** One node's connection: the socket from the node and the one to the server. */
    private final class Pair {
        final Socket client;
        final Socket server;
        volatile boolean stalled;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            open.remove(this);
            closeQuietly(client);
            closeQuietly(server);
        }

        private void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException | RuntimeException e) {
                // closing anyway
            }
        }
    }
}
