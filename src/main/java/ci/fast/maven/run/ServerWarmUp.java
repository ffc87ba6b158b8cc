package ci.fast.maven.run;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.server.OrchestratorServer;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Starts a throwaway embedded orchestrator at the goal's start, answers one WebSocket upgrade on it and stops it, on a
 * daemon thread, while the goal scans and resolves. The run's own server starts once the forks spawn, and the fork
 * waits for it: in a fresh Maven JVM its start and its first upgrade were a quarter of a second of class loading, on
 * the fork's path to its first test. Warmed up, they take a few milliseconds.
 */
public final class ServerWarmUp {
    private ServerWarmUp() {}

    /** Begins the warm-up; its end is the returned future's, which never fails. */
    public static CompletableFuture<Void> begin() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        warm();
                    } finally {
                        done.complete(null);
                    }
                },
                "fast-ci-warm-up");
        thread.setDaemon(true); // the build never waits for it
        thread.start();
        return done;
    }

    private static void warm() {
        Secret secret = Secret.random();
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, line -> {});
                Scheduler scheduler = Scheduler.daemon("fast-ci-warm-up-heartbeat")) {
            ServerAddress address = new ServerAddress(server.baseUri(), secret, Map.of("build_id", "warm-up"));
            PhoenixClient.connect(address, Duration.ofSeconds(10), scheduler, new PhoenixClient.Listener() {})
                    .close();
        } catch (IOException | ChannelException | RuntimeException e) {
            // A warm-up only: the run's own server reports its own failures.
        }
    }
}
