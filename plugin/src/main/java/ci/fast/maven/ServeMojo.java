package ci.fast.maven;

import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.ServerOptions;
import ci.fast.maven.server.ServerSettings;
import ci.fast.maven.server.StandingServer;
import ci.fast.maven.server.StoreFailure;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the FastCI orchestrator standalone, for a team's own CI nodes to join ({@code fastCi.server}), until
 * interrupted. The same server as local mode: PROTOCOL.md, V1 and V2 frames.
 */
@Mojo(name = "serve", requiresProject = false, threadSafe = true)
public class ServeMojo extends AbstractMojo {
    /** The address to bind; {@code 0.0.0.0} serves every interface. */
    @Parameter(property = "fastCi.host", defaultValue = "127.0.0.1")
    private String host;

    /** The port to listen on. */
    @Parameter(property = "fastCi.port", defaultValue = "4000")
    private int port;

    /**
     * The key every node must present. Prefer the environment variable {@code FAST_CI_SECRET_KEY}: a key written in
     * a pom or on a command line is easily seen.
     */
    @Parameter(property = "fastCi.secretKey")
    private String secretKey;

    /**
     * The timing history of an earlier server (each test class's last duration, by run key): the store takes it in the
     * first time it finds it. With {@code fastCi.store=memory}, the history itself, read at start and rewritten
     * whenever a run finishes.
     */
    @Parameter(property = "fastCi.timingsFile", defaultValue = "${user.home}/.fast-ci/serve-timings.json")
    private File timingsFile;

    /**
     * Surefire's {@code skipAfterFailureCount} for every run this server serves: once that many tests of a run have
     * failed on any of its nodes, no node takes another class of it; 0 for no limit. The nodes' own setting counts only
     * the failures each of them sees.
     */
    @Parameter(property = "fastCi.skipAfterFailureCount", defaultValue = "0")
    private int skipAfterFailureCount;

    /**
     * Whether the server serves its dashboard on its own port: {@code /} lists the live and the last finished runs, a
     * run's page shows its timeline, nodes, failures, slowest classes and flaky tests, updated as the run goes on.
     * With one key it needs none: whoever reaches the port sees the runs' topics and test results, so keep the port
     * where only the team reaches it, or turn it off. With a keys file, the browser asks for a project and its key
     * and shows that project's runs only.
     */
    @Parameter(property = "fastCi.dashboard", defaultValue = "true")
    private boolean dashboard;

    /**
     * A file of {@code project=key} lines, one per project this server serves, reread when it changes: a node sees only
     * the runs of its key's project. Instead of one secret key.
     */
    @Parameter(property = "fastCi.keysFile")
    private File keysFile;

    /** A PKCS12 keystore (password in {@code FAST_CI_TLS_PASSWORD}) that makes the socket wss://. */
    @Parameter(property = "fastCi.tls.keystore")
    private File tlsKeystore;

    /** How long a finished run is kept (a late node is told "run finished"), then deleted: 14d, 12h, 30m, PT1H. */
    @Parameter(property = "fastCi.retention", defaultValue = "14d")
    private String retention;

    /** The largest frame a node may send; a larger one cuts its connection. */
    @Parameter(property = "fastCi.maxFrameBytes", defaultValue = "67108864")
    private int maxFrameBytes;

    /** A connection silent this long is cut (nodes heartbeat every 30 s). */
    @Parameter(property = "fastCi.idleTimeout", defaultValue = "60s")
    private String idleTimeout;

    /** The joins one connection may send a minute; a connection that sends more is cut. */
    @Parameter(property = "fastCi.joinsPerMinute", defaultValue = "600")
    private int joinsPerMinute;

    /**
     * Where the server keeps its runs (queues, which node holds which classes, results), the CI nodes' shares and the
     * timing history: an SQLite database, {@code fast-ci.db}, made on first start. A server killed and started again on
     * it carries every run on where it was.
     */
    @Parameter(property = "fastCi.dataDir", defaultValue = "${user.home}/.fast-ci/server")
    private File dataDir;

    /**
     * {@code sqlite}: the store in {@code fastCi.dataDir}; {@code memory}: nothing outlives the server (a throwaway
     * server, a test), the timing history alone kept in {@code fastCi.timingsFile}.
     */
    @Parameter(property = "fastCi.store", defaultValue = "sqlite")
    private String store;

    /**
     * A PostgreSQL database ({@code jdbc:postgresql://host:port/db}) that holds the server's state instead of
     * {@code fastCi.store}: several servers on one database serve the same runs. The user and password go in the URL,
     * or in the environment's {@code FAST_CI_DATABASE_USER} and {@code FAST_CI_DATABASE_PASSWORD}.
     */
    @Parameter(property = "fastCi.database")
    private String database;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        ServerSettings settings;
        try {
            settings = ServerOptions.translate(values(), System.getenv());
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("fast-ci:serve: " + e.getMessage());
        }
        OrchestratorServer server;
        try {
            server = StandingServer.start(settings, line -> getLog().info(line), line -> getLog().warn(line));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException | StoreFailure e) {
            if (settings.database().isPresent()
                    && e.getMessage() != null
                    && e.getMessage().contains("the database ")) {
                throw new MojoFailureException("fast-ci:serve: " + e.getMessage()); // the one line: what to fix
            }
            throw new MojoExecutionException("fast-ci:serve cannot start on " + host + ":" + port + ": "
                    + e.getMessage() + "; choose another -DfastCi.port, -DfastCi.host or -DfastCi.dataDir");
        }
        getLog().info(StandingServer.listening(server) + "; Ctrl-C stops it");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            // As the server jar on SIGTERM: /healthz says so, the nodes move elsewhere, then it stops.
                            StandingServer.drainAndClose(server, settings.drainTimeout(), line -> getLog().info(line));
                            stopped.countDown();
                        },
                        "fast-ci-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }

    /** The parameters by property name, for the one translation the server jar's flags go through too. */
    private Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        values.put(ServerOptions.HOST, host);
        values.put(ServerOptions.PORT, String.valueOf(port));
        values.put(ServerOptions.SECRET_KEY, secretKey);
        values.put(ServerOptions.KEYS_FILE, keysFile == null ? null : keysFile.getPath());
        values.put(ServerOptions.TLS_KEYSTORE, tlsKeystore == null ? null : tlsKeystore.getPath());
        // No parameter, so that no pom holds it: FAST_CI_TLS_PASSWORD, or -DfastCi.tls.password.
        values.put(ServerOptions.TLS_PASSWORD, System.getProperty(ServerOptions.TLS_PASSWORD));
        values.put(ServerOptions.RETENTION, retention);
        values.put(ServerOptions.MAX_FRAME_BYTES, String.valueOf(maxFrameBytes));
        values.put(ServerOptions.IDLE_TIMEOUT, idleTimeout);
        values.put(ServerOptions.JOINS_PER_MINUTE, String.valueOf(joinsPerMinute));
        values.put(ServerOptions.TIMINGS_FILE, timingsFile.getPath());
        values.put(ServerOptions.SKIP_AFTER_FAILURE_COUNT, String.valueOf(skipAfterFailureCount));
        values.put(ServerOptions.DASHBOARD, String.valueOf(dashboard));
        values.put(ServerOptions.DATA_DIR, dataDir.getPath());
        values.put(ServerOptions.STORE, store);
        values.put(ServerOptions.DATABASE, database);
        return values;
    }
}
