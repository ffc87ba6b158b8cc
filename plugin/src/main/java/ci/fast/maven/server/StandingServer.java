package ci.fast.maven.server;

import ci.fast.maven.server.dashboard.Board;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A standing server (not a local run's embedded one) from its {@link ServerSettings}: what {@code fast-ci:serve} and
 * the {@code server} jar's {@link ServerMain} both start, and how both stop it.
 */
public final class StandingServer {
    /** The finished runs the dashboard keeps showing after the server forgot them. */
    static final int FINISHED_RUNS_SHOWN = 50;

    private static final Duration SWEEP_AT_MOST = Duration.ofHours(1);
    private static final Duration SWEEP_AT_LEAST = Duration.ofSeconds(1);

    private StandingServer() {}

    /**
     * Starts the orchestrator and its server as {@code settings} say.
     *
     * @param info one line per join, finished run, connection cut or refused, keys file reload
     * @param warn a timings file that cannot be read
     * @throws IOException when the address cannot be bound or the keystore opened
     * @throws IllegalArgumentException when the keys file cannot be read
     */
    public static OrchestratorServer start(ServerSettings settings, Consumer<String> info, Consumer<String> warn)
            throws IOException {
        ServerStore kept = ServerStore.open(settings, warn, info);
        Orchestrator orchestrator = null;
        try {
            orchestrator = orchestrator(settings, info, warn)
                    .store(kept.store())
                    .timings(kept.timings())
                    .build();
            OrchestratorServer server = OrchestratorServer.start(settings, orchestrator, info);
            // After the server, in this order: the sweep of finished runs writes to the store. What the store keeps is
            // on disk already, unit by unit.
            server.closeAfter(orchestrator);
            server.closeAfter(kept);
            return server;
        } catch (IOException | RuntimeException e) {
            if (orchestrator != null) {
                orchestrator.close();
            }
            closeQuietly(kept, warn);
            throw e;
        }
    }

    private static void closeQuietly(ServerStore kept, Consumer<String> warn) {
        try {
            kept.close();
        } catch (Exception e) {
            warn.accept("could not close the server's store: " + e.getMessage());
        }
    }

    /**
     * The orchestrator of a standing server, before its build (a test sets its clock), without its store and timing
     * history, which {@link #start} opens.
     */
    static Orchestrator.Builder orchestrator(ServerSettings settings, Consumer<String> info, Consumer<String> warn) {
        Orchestrator.Builder builder = Orchestrator.builder();
        if (settings.dashboard()) {
            builder.dashboard(new Board(Clock.systemUTC(), FINISHED_RUNS_SHOWN));
        }
        return builder.log(info)
                .skipAfterFailureCount(settings.skipAfterFailureCount())
                // The store keeps a finished run whole: by its end its queue is empty and nothing is held, so what it
                // keeps is what the run enqueued and its results, which a late node and the run's reports read.
                .finishedRunGrace(settings.retention())
                .sweepEvery(sweepPeriod(settings.retention()));
    }

    /**
     * How often a standing server deletes its finished runs past their retention: a tenth of it, between a second and
     * an hour (a run of the default 14 days goes at most an hour late).
     */
    static Duration sweepPeriod(Duration retention) {
        Duration tenth = retention.dividedBy(10);
        return tenth.compareTo(SWEEP_AT_MOST) > 0
                ? SWEEP_AT_MOST
                : tenth.compareTo(SWEEP_AT_LEAST) < 0 ? SWEEP_AT_LEAST : tenth;
    }

    /** The line that says where the server listens. */
    public static String listening(OrchestratorServer server) {
        return "FastCI orchestrator listening on " + server.baseUri() + " (nodes set fastCi.server to it); "
                + (server.hasDashboard() ? "dashboard at " + server.httpUri() + "/, " : "") + "metrics at "
                + server.httpUri() + "/metrics, health at " + server.httpUri() + "/healthz";
    }

    /**
     * Drains {@code server} ({@link OrchestratorServer#drain}), waits until its nodes have gone (they reconnect, through
     * the load balancer, to another replica) or {@code timeout} has passed, and closes it.
     */
    public static void drainAndClose(OrchestratorServer server, Duration timeout, Consumer<String> log) {
        server.drain();
        log.accept("draining: /healthz answers 503 and new connections are refused; waiting up to "
                + timeout.toSeconds() + " s for " + server.connections() + " connections to go");
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            // Polled: the connections end on Tyrus's threads, and a tenth of a second is nothing to a stopping server.
            while (server.connections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = server.connections();
        server.close();
        log.accept(left == 0 ? "stopped: every node had gone" : "stopped with " + left + " connections still open");
    }
}
