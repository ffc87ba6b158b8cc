package ci.fast.maven;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.ServerStore;
import java.io.File;
import java.io.IOException;
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

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Secret secret;
        try {
            secret = Secrets.resolve(secretKey, System.getenv(Secrets.ENV), "fast-ci:serve");
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        OrchestratorServer server;
        ServerStore kept;
        try {
            kept = ServerStore.open(
                    store, dataDir.toPath(), timingsFile.toPath(), line -> getLog().warn(line), line -> getLog().info(
                                    line));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage() + "; choose another -DfastCi.dataDir", e);
        }
        try {
            Orchestrator orchestrator = Orchestrator.builder()
                    .log(line -> getLog().info(line))
                    .store(kept.store())
                    .timings(kept.timings())
                    .skipAfterFailureCount(skipAfterFailureCount)
                    .build();
            server = OrchestratorServer.start(host, port, secret, orchestrator);
        } catch (IllegalArgumentException e) {
            closeQuietly(kept);
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            closeQuietly(kept);
            throw new MojoExecutionException("fast-ci:serve cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + "; choose another -DfastCi.port or -DfastCi.host");
        }
        getLog().info("FastCI orchestrator listening on " + server.baseUri()
                + " (nodes set fastCi.server to it); metrics at " + server.httpUri() + "/metrics, health at "
                + server.httpUri() + "/healthz; Ctrl-C stops it");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            closeQuietly(kept);
                            stopped.countDown();
                        },
                        "fast-ci-serve-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
            closeQuietly(kept);
        }
    }

    /** Closes the store once the server no longer answers; what it keeps is on disk already, unit by unit. */
    private void closeQuietly(ServerStore kept) {
        try {
            kept.close();
        } catch (Exception e) {
            getLog().warn("fast-ci:serve could not close its store: " + e.getMessage());
        }
    }
}
