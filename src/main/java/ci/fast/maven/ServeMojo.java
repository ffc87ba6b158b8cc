package ci.fast.maven;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.RunKeyTimings;
import ci.fast.maven.server.dashboard.Board;
import java.io.File;
import java.io.IOException;
import java.time.Clock;
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
    /** The finished runs the dashboard keeps showing after the server forgot them. */
    private static final int FINISHED_RUNS_SHOWN = 50;

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
     * Where the server keeps each test class's last duration, by run key, read at start and rewritten whenever a run
     * finishes, to hand out the longest classes first.
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
     * run's page shows its timeline, nodes, failures, slowest classes and flaky tests, updated as the run goes on. It
     * needs no key: whoever reaches the port sees the runs' topics and test results, so keep the port where only the
     * team reaches it, or turn it off.
     */
    @Parameter(property = "fastCi.dashboard", defaultValue = "true")
    private boolean dashboard;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Secret secret;
        try {
            secret = Secrets.resolve(secretKey, System.getenv(Secrets.ENV), "fast-ci:serve");
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        }
        OrchestratorServer server;
        try {
            RunKeyTimings timings = RunKeyTimings.load(timingsFile.toPath(), line -> getLog().warn(line));
            Orchestrator.Builder builder = Orchestrator.builder()
                    .log(line -> getLog().info(line))
                    .timings(timings)
                    .skipAfterFailureCount(skipAfterFailureCount);
            if (dashboard) {
                builder.dashboard(new Board(Clock.systemUTC(), FINISHED_RUNS_SHOWN));
            }
            Orchestrator orchestrator = builder.build();
            server = OrchestratorServer.start(host, port, secret, orchestrator);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("fast-ci:serve cannot listen on " + host + ":" + port + ": "
                    + e.getMessage() + "; choose another -DfastCi.port or -DfastCi.host");
        }
        getLog().info("FastCI orchestrator listening on " + server.baseUri()
                + " (nodes set fastCi.server to it); " + (dashboard ? "dashboard at " + server.httpUri() + "/, " : "")
                + "metrics at " + server.httpUri() + "/metrics, health at " + server.httpUri()
                + "/healthz; Ctrl-C stops it");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
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
}
