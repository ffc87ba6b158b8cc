package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.server.dashboard.DashboardHttp;
import ci.fast.maven.server.dashboard.DashboardPages;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
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
 * serves, 503 once {@link #drain draining}), for an {@link Orchestrator} the runs' reports ({@code /runs/<topic>/reports},
 * a key in a header: {@link RunReports}), and, when the handler has a {@link FrameHandler#dashboard dashboard}, its
 * pages; every other path is a 404.
 */
public final class OrchestratorServer implements AutoCloseable {
    /** The socket's path: context {@value #CONTEXT} plus endpoint {@value #ENDPOINT}. */
    public static final String CONTEXT = "/test_orchestrators";

    public static final String ENDPOINT = "/socket/websocket";
    /** The largest frame accepted by default: an enq of tens of thousands of classes fits. */
    static final int MAX_FRAME_BYTES = ServerSettings.Limits.DEFAULT.maxFrameBytes();
    /**
     * A standing server's threads that read the connections' frames and wait for the store while their units of work
     * are written (a local run's server keeps Grizzly's few: its forks are few, and threads cost its start).
     */
    static final int STANDING_WORKERS = 128;

    /**
     * Grizzly and Tyrus log through java.util.logging, and their warnings quote the upgrade URL, secret and all. The
     * server reports what matters itself, so theirs is switched off.
     */
    private static final Logger GLASSFISH_LOG = Logger.getLogger("org.glassfish");

    private final HttpServer http;
    private final TyrusServerContainer container;
    private final String host;
    private final int port;
    /** Whether the socket is wss://. */
    private final boolean secure;
    /** Its draining flag is set by {@link #drain}, read by {@code /healthz} and the upgrades; never unset. */
    private final ServerGuard guard;
    /** Whether the port serves the dashboard. */
    private final boolean dashboard;
    /** Closed after the server; guarded by itself. */
    private final List<AutoCloseable> closeAfter = new CopyOnWriteArrayList<>();

    private OrchestratorServer(
            HttpServer http,
            TyrusServerContainer container,
            String host,
            int port,
            boolean secure,
            ServerGuard guard,
            boolean dashboard) {
        this.dashboard = dashboard;
        this.http = http;
        this.container = container;
        this.host = host;
        this.port = port;
        this.secure = secure;
        this.guard = guard;
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
        ServerGuard guard = new ServerGuard(
                ProjectKeys.single(secret), ServerSettings.Limits.DEFAULT, line -> {}, System::nanoTime);
        return start(host, port, guard, null, handler, ours, 0);
    }

    /**
     * A standing server as {@code settings} say (its keys, TLS and limits), whose frames go to {@code handler}, saying
     * that it is ours; {@code log} gets a line for each connection cut or refused and each reload of the keys file.
     *
     * @throws IOException when the address cannot be bound or the keystore opened
     * @throws IllegalArgumentException when the keys file cannot be read
     */
    public static OrchestratorServer start(ServerSettings settings, FrameHandler handler, Consumer<String> log)
            throws IOException {
        ServerGuard guard = new ServerGuard(settings.keys().open(log), settings.limits(), log, System::nanoTime);
        SSLEngineConfigurator tls =
                settings.tls().isPresent() ? ServerTls.engine(settings.tls().get()) : null;
        return start(settings.host(), settings.port(), guard, tls, handler, true, STANDING_WORKERS);
    }

    /** @param workers the threads that read frames; 0 for Grizzly's few per core (a local run's few forks) */
    private static OrchestratorServer start(
            String host,
            int port,
            ServerGuard guard,
            SSLEngineConfigurator tls,
            FrameHandler handler,
            boolean ours,
            int workers)
            throws IOException {
        // Tyrus finds its providers (the endpoint's default configurator among them) through the context loader, on
        // the threads Grizzly makes here, which inherit it: the starting thread's may see none of them (a pool
        // thread's in Maven is Maven's boot loader), and the upgrades would then never be answered.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(OrchestratorServer.class.getClassLoader());
        try {
            return startHere(host, port, guard, tls, handler, ours, workers);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static OrchestratorServer startHere(
            String host,
            int port,
            ServerGuard guard,
            SSLEngineConfigurator tls,
            FrameHandler handler,
            boolean ours,
            int workers)
            throws IOException {
        GLASSFISH_LOG.setLevel(Level.OFF);
        Container container = new Container(guard.limits);
        DashboardHttp dashboard = handler.dashboard()
                .map(board -> new DashboardHttp(board, KeyViewers.of(guard.keys)))
                .orElse(null);
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(SocketEndpoint.class, ENDPOINT)
                .configurator(new Gate(guard, handler, ours, ours && dashboard != null))
                .build();
        PrometheusRegistry registry = new PrometheusRegistry();
        handler.register(registry);
        HttpServer http = new HttpServer();
        // Plain requests only: an upgrade on the socket's path is taken by the WebSocket add-on before handlers.
        RunReports reports = handler instanceof ReportArchive archive
                ? new RunReports(guard.keys, archive, guard.limits.maxFrameBytes(), guard.log)
                : null;
        http.getServerConfiguration()
                .addHttpHandler(new HttpEndpoints(registry, guard.draining::get, reports, dashboard, guard.log), "/");
        NetworkListener listener = new NetworkListener("fast-ci", host, port);
        if (tls != null) {
            listener.setSecure(true);
            listener.setSSLEngineConfig(tls);
        }
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        if (workers > 0) {
            // Each frame's unit of work waits for the store's file on the worker thread that read it (a connection's
            // next frame is read after it): with Grizzly's few workers per core, the deqs of hundreds of nodes would
            // queue for a worker, and the store's group commit would find few units to write together.
            listener.getTransport()
                    .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                            .setPoolName("fast-ci-worker")
                            .setCorePoolSize(workers)
                            .setMaxPoolSize(workers));
        }
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
        return new OrchestratorServer(http, container, host, listener.getPort(), tls != null, guard, dashboard != null);
    }

    /** Whether the port serves the handler's dashboard. */
    public boolean hasDashboard() {
        return dashboard;
    }

    /** The bound port. */
    public int port() {
        return port;
    }

    /** The base URL nodes are given, such as {@code ws://127.0.0.1:4000}. */
    public URI baseUri() {
        return URI.create((secure ? "wss://" : "ws://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }

    /** The base URL of the plain HTTP endpoints, such as {@code http://127.0.0.1:4000} ({@code https} with TLS). */
    public URI httpUri() {
        return URI.create("http" + baseUri().toString().substring("ws".length()));
    }

    /** The WebSocket connections open now: what a draining server waits to see reach 0. */
    public int connections() {
        return guard.open.get();
    }

    /**
     * Starts draining: from now on {@code /healthz} answers 503, so that a load balancer stops sending new nodes here,
     * and a new upgrade is refused with 503 (a node tries again, and the load balancer sends it to another replica),
     * while the WebSocket keeps serving the nodes it has. A SIGTERM handler then waits for its nodes to move to another
     * replica ({@link #connections}) before {@link #close}.
     */
    public void drain() {
        guard.draining.set(true);
    }

    /** Closes {@code resource} when this server closes, after it stopped answering: such as its store. */
    public void closeAfter(AutoCloseable resource) {
        closeAfter.add(resource);
    }

    @Override
    public void close() {
        container.stop();
        http.shutdownNow();
        for (AutoCloseable resource : closeAfter) {
            try {
                resource.close();
            } catch (Exception e) {
                // Nothing is lost: a store writes each unit of work before it is acknowledged.
                Logger.getLogger(OrchestratorServer.class.getName()).log(Level.FINE, "closing " + resource, e);
            }
        }
        closeAfter.clear();
    }

    /** Tyrus's server container, minus the Grizzly listener Tyrus would bind to 0.0.0.0. */
    private static final class Container extends TyrusServerContainer {
        private final WebSocketEngine engine;

        Container(ServerSettings.Limits limits) {
            super((Set<Class<?>>) null);
            // Set here, not per session in onOpen: a session schedules its idle check at creation with the default,
            // and a check scheduled with 0 that runs after onOpen raised the timeout closes the fresh session.
            setDefaultMaxSessionIdleTimeout(limits.idleTimeout().toMillis());
            setDefaultMaxTextMessageBufferSize(limits.maxFrameBytes());
            engine = TyrusWebSocketEngine.builder(this)
                    .incomingBufferSize(limits.maxFrameBytes())
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
        private final ServerGuard guard;
        private final FrameHandler handler;
        private final boolean ours;
        /** Whether to say where the dashboard's run pages are ({@link Events#DASHBOARD_HEADER}). */
        private final boolean dashboard;

        Gate(ServerGuard guard, FrameHandler handler, boolean ours, boolean dashboard) {
            this.guard = guard;
            this.handler = handler;
            this.ours = ours;
            this.dashboard = dashboard;
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig sec, HandshakeRequest request, HandshakeResponse response) {
            if (guard.draining.get()) {
                // Tyrus answers a HandshakeException thrown here with its status: a refused upgrade, as Phoenix does.
                throw Gate.<RuntimeException>sneaky(new HandshakeException(503, "Service Unavailable"));
            }
            List<String> keys = request.getParameterMap().get("secret_key");
            if (keys == null
                    || keys.size() != 1
                    || guard.keys.project(keys.get(0)).isEmpty()) {
                guard.log.accept("refused a connection from " + SocketEndpoint.remote(request)
                        + ": its secret_key is no project's key (HTTP 403)");
                throw Gate.<RuntimeException>sneaky(new HandshakeException(403, "Forbidden"));
            }
            // Tells our nodes that this server takes the optional fields of PROTOCOL.md section 5; the cloud sends
            // none.
            if (ours) {
                response.getHeaders().put(Events.SERVER_HEADER, List.of("fast-ci-maven-plugin"));
            }
            if (dashboard) {
                response.getHeaders().put(Events.DASHBOARD_HEADER, List.of(DashboardPages.RUNS));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getEndpointInstance(Class<T> endpointClass) {
            return (T) new SocketEndpoint(handler, guard);
        }

        /** Throws a checked exception through an interface method that declares none (Tyrus expects it). */
        @SuppressWarnings("unchecked")
        private static <E extends Throwable> E sneaky(Throwable e) throws E {
            throw (E) e;
        }
    }
}
