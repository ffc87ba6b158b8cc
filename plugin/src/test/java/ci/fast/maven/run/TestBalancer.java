package ci.fast.maven.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in front of server replicas, for tests: a TCP proxy on 127.0.0.1 that hands each new connection to
 * the next replica in turn that accepts it (a dead one is skipped), and copies bytes both ways until either side
 * closes. How many connections each replica was handed is counted.
 */
final class TestBalancer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Integer> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, AtomicInteger> handed = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    TestBalancer(List<Integer> backends) throws IOException {
        this.backends = List.copyOf(backends);
        this.socket = new ServerSocket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::accept, "test-balancer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** How many connections {@code backend} was handed. */
    int handed(int backend) {
        return handed.getOrDefault(backend, new AtomicInteger()).get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                Socket server = connect();
                if (server == null) {
                    client.close();
                    continue;
                }
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // Closed: the test is over.
            }
        }
    }

    /** The next replica in turn that accepts a connection; null when none does. */
    private Socket connect() {
        int start = next.getAndIncrement();
        for (int i = 0; i < backends.size(); i++) {
            int port = backends.get(Math.floorMod(start + i, backends.size()));
            try {
                Socket server = new Socket("127.0.0.1", port);
                handed.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                return server;
            } catch (IOException e) {
                // Dead: the next one.
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // One side went: the other is closed below.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "test-balancer-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing.
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        open.forEach(TestBalancer::closeQuietly);
    }
}
