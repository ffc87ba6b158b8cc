package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ManualScheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.server.OrchestratorServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start of a remote run against a real server that refuses, and against a port where nothing listens: which
 * failures fall back and which fail with their one line. No fork is started in any case here (the fallback's share
 * is empty where it runs), so the forks' own behaviour stays out of it.
 */
class RemoteRunFallbackTest {
    private static final Map<String, String> PARAMS = Map.of("build_id", "b1", "run_key", "junit-shop");

    @TempDir
    Path reports;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Secret secret = Secret.random();

    @Test
    void refusedKeyFailsEvenWithFallbackOn() throws Exception {
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, Secret.random(), line -> {})) {
            IOException e =
                    assertThrows(IOException.class, () -> run(server.baseUri(), new Fallback(true, null, null, false)));

            assertTrue(e.getMessage().contains("the server refused the secret key (HTTP 403)"), e.getMessage());
            assertFalse(e.getMessage().contains(secret.reveal()));
            assertEquals(List.of(), warnings, "no fallback warning");
        }
    }

    @Test
    void unreachableServerWithFallbackOffFailsWithTheCauseAndTheWayOut() throws Exception {
        IOException e = assertThrows(IOException.class, () -> run(nothingListening(), Fallback.OFF));

        assertTrue(e.getMessage().contains("connection refused"), e.getMessage());
        assertTrue(e.getMessage().contains("fastCi.fallback is off"), e.getMessage());
    }

    @Test
    void unreachableServerOnACiRetryNeverFallsBack() throws Exception {
        IOException e = assertThrows(IOException.class, () -> run(nothingListening(), new Fallback(true, 0, 2, true)));

        assertTrue(e.getMessage().contains("no local fallback on a CI retry"), e.getMessage());
    }

    @Test
    void unreachableServerFallsBackLoudlyToThisNodesShare() throws Exception {
        // Node 4 of 4 with two classes: an empty share, so that the fallback is seen without starting forks.
        RunOutcome outcome = run(nothingListening(), new Fallback(true, 3, 4, false));

        assertEquals(0, outcome.summary().testsRun());
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.startsWith("FastCI FALLBACK: cannot connect to ws://127.0.0.1:")
                                && w.contains("connection refused")),
                String.join("\n", warnings));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("0 of 2 test classes, the share of node 4 of 4")));
        assertFalse(String.join("\n", warnings).contains(secret.reveal()), "the secret never shows");
    }

    private RunOutcome run(URI server, Fallback fallback) throws Exception {
        ForkOptions forks = new ForkOptions(
                Path.of("java"),
                List.of(),
                List.of(),
                List.of(),
                reports,
                Map.of(),
                reports.resolve("scratch"),
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
        RunPlan plan = new RunPlan(
                List.of("com.acme.ATest", "com.acme.BTest"), 1, forks, true, "junit-shop", reports, null, null);
        RunLog log = new RunLog() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {
                warnings.add(line);
            }

            @Override
            public void error(String line) {}

            @Override
            public void debug(String line) {}
        };
        // No retries: the backoff's own bound is BackoffTest's business.
        return new RemoteRun(
                        plan,
                        server,
                        secret,
                        PARAMS,
                        fallback,
                        Retry.NONE,
                        log,
                        new Backoff(Duration.ZERO),
                        new ManualScheduler())
                .execute();
    }

    private static URI nothingListening() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("ws://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
