package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.FastCiAddOns;
import org.glassfish.tyrus.core.HandshakeException;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * The FastCI orchestrator on a Tyrus WebSocket server over Grizzly, bound to exactly the given address. The embedded
 * server of a local run and {@code fast-ci:serve} are both this class. Besides the WebSocket ({@link #CONTEXT} plus
 * {@link #ENDPOINT}, gated by the secret key), the same port answers plain HTTP: {@code GET /metrics} (the handler's
 * metrics, in Prometheus' text format, from a registry of this server's own) and {@code GET /healthz} (200 while it
 * serves, 503 once {@link #drain draining}), and for an {@link Orchestrator} the runs' reports
 * ({@code /runs/<topic>/reports}, the secret key in a header: {@link RunReports}); every other path is a 404.
 */
public final class OrchestratorServer implements AutoCloseable {
    /** The socket's path: context {@value #CONTEXT} plus endpoint {@value #ENDPOINT}. */
    public static final String CONTEXT = "/test_orchestrators";

    public static final String ENDPOINT = "/socket/websocket";
    /** The largest frame accepted: an enq of tens of thousands of classes fits. */
    static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

    /**
     * Grizzly and Tyrus log through java.util.logging, and their warnings quote the upgrade URL, secret and all. The
     * server reports what matters itself, so theirs is switched off.
     */
    private static final Logger GLASSFISH_LOG = Logger.getLogger("org.glassfish");

    private final HttpServer http;
    private final TyrusServerContainer container;
    private final String host;
    private final int port;
    /** Set by {@link #drain}, read by {@code /healthz}; never unset. */
    private final AtomicBoolean draining;

    private OrchestratorServer(
            HttpServer http, TyrusServerContainer container, String host, int port, AtomicBoolean draining) {
        this.http = http;
        this.container = container;
        this.host = host;
        this.port = port;
        this.draining = draining;
    }

    /**
     * Starts a server.
     *
     * @param host the address to bind, such as 127.0.0.1
     * @param port the port, or 0 for a free one
     * @param secret the key every node must present
     * @param log receives one line per join and per finished run
     * @throws IOException when the address cannot be bound
     */
    public static OrchestratorServer start(String host, int port, Secret secret, Consumer<String> log)
            throws IOException {
        return start(host, port, secret, new Orchestrator(log));
    }

    /** Starts a server whose frames go to {@code handler}; otherwise as {@link #start(String, int, Secret, Consumer)}. */
    public static OrchestratorServer start(String host, int port, Secret secret, FrameHandler handler)
            throws IOException {
        return start(host, port, secret, handler, true);
    }

    /**
     * As {@link #start(String, int, Secret, FrameHandler)}, saying in its upgrade answers that it is our own server
     * ({@link Events#SERVER_HEADER}) only when {@code ours}: a test's stand-in for the cloud says nothing.
     */
    public static OrchestratorServer start(String host, int port, Secret secret, FrameHandler handler, boolean ours)
            throws IOException {
        // Tyrus finds its providers (the endpoint's default configurator among them) through the context loader, on
        // the threads Grizzly makes here, which inherit it: the starting thread's may see none of them (a pool
        // thread's in Maven is Maven's boot loader), and the upgrades would then never be answered.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OrchestratorServer.class.getClassLoader());
        try {
            return startHere(host, port, secret, handler, ours);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static OrchestratorServer startHere(
            String host, int port, Secret secret, FrameHandler handler, boolean ours) throws IOException {
        GLASSFISH_LOG.setLevel(Level.OFF);
        Container container = new Container();
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(SocketEndpoint.class, ENDPOINT)
                .configurator(new Gate(secret, handler, ours))
                .build();
        PrometheusRegistry registry = new PrometheusRegistry();
        handler.register(registry);
        AtomicBoolean draining = new AtomicBoolean();
        HttpServer http = new HttpServer();
        // Plain requests only: an upgrade on the socket's path is taken by the WebSocket add-on before handlers.
        RunReports reports = handler instanceof ReportArchive archive ? new RunReports(secret, archive) : null;
        http.getServerConfiguration().addHttpHandler(new HttpEndpoints(registry, draining::get, reports), "/");
        NetworkListener listener = new NetworkListener("fast-ci", host, port);
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.registerAddOn(FastCiAddOns.webSocket(container, CONTEXT));
        http.addListener(listener);
        try {
            container.addEndpoint(config);
            // The endpoint is deployed before the socket accepts: an upgrade in between would get a 404, which a
            // node takes for a wrong address and never retries (a restart on the same port would fail its nodes).
            container.start(CONTEXT, port);
            http.start();
        } catch (DeploymentException e) {
            http.shutdownNow();
            throw new IOException("cannot deploy the orchestrator endpoint: " + e.getMessage(), e);
        }
        return new OrchestratorServer(http, container, host, listener.getPort(), draining);
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** The base URL nodes are given, such as {@code ws://127.0.0.1:4000}. */
    public URI baseUri() {
        return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The base URL of the plain HTTP endpoints, such as {@code http://127.0.0.1:4000}. */
    public URI httpUri() {
        return URI.create("http" + baseUri().toString().substring("ws".length()));
    }

    /**
     * Starts draining: from now on {@code /healthz} answers 503, so that a load balancer stops sending new nodes here,
     * while the WebSocket keeps serving the nodes it has. The hook for a SIGTERM handler, which would then wait for its
     * nodes to move to another replica before {@link #close}.
     */
    public void drain() {
        draining.set(true);
    }

    @Override
    public void close() {
        container.stop();
        http.shutdownNow();
    }

    /** Tyrus's server container, minus the Grizzly listener Tyrus would bind to 0.0.0.0. */
    private static final class Container extends TyrusServerContainer {
        private final WebSocketEngine engine;

        Container() {
            super((Set<Class<?>>) null);
            // Set here, not per session in onOpen: a session schedules its idle check at creation with the default,
            // and a check scheduled with 0 that runs after onOpen raised the timeout closes the fresh session.
            setDefaultMaxSessionIdleTimeout(SocketEndpoint.IDLE_TIMEOUT_MILLIS);
            engine = TyrusWebSocketEngine.builder(this)
                    .incomingBufferSize(MAX_FRAME_BYTES)
                    .build();
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, CONTEXT);
        }

        @Override
        public void register(ServerEndpointConfig serverEndpointConfig) throws DeploymentException {
            engine.register(serverEndpointConfig, CONTEXT);
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }
    }

    /** Checks the secret at the upgrade and hands each connection its endpoint. */
    private static final class Gate extends ServerEndpointConfig.Configurator {
        private final Secret secret;
        private final FrameHandler handler;
        private final boolean ours;

        Gate(Secret secret, FrameHandler handler, boolean ours) {
            this.secret = secret;
            this.handler = handler;
            this.ours = ours;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            List<String> keys = request.getParameterMap().get("secret_key");
            if (keys == null || keys.size() != 1 || !secret.matches(keys.get(0))) {
                // Tyrus answers a HandshakeException thrown here with its status: a refused upgrade, as Phoenix does.
                throw Gate.<RuntimeException>sneaky(new HandshakeException(403, "Forbidden"));
            }
            // Tells our nodes that this server takes the optional fields of PROTOCOL.md section 5; the cloud sends
            // none.
            if (ours) {
                response.getHeaders().put(Events.SERVER_HEADER, List.of("fast-ci-maven-plugin"));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return (T) new SocketEndpoint(handler);
        }

        /** Throws a checked exception through an interface method that declares none (Tyrus expects it). */
        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E sneaky(Throwable e) throws E {
            throw (E) e;
        }
    }
}
