package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Secret;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection that sends too large a frame, too many joins, or nothing at all is cut, with a line in the server's log,
 * while the server goes on serving its other nodes: real server, real clients, on loopback.
 */
class ServerLimitsTest {
    private static final String BUILD = "build-9";
    private static final String T = Events.topic(RealNodes.RUN_KEY, BUILD);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Secret key = Secret.random();
    private final List<String> log = new CopyOnWriteArrayList<>();
    /** Every line of {@link #log} as it comes: the server logs a cut after its client may have seen the close. */
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @TempDir
    Path dir;

    private OrchestratorServer server;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void cutsAConnectionThatSendsAFrameOverTheLimitAndServesTheOthers() throws Exception {
        start(Map.of(ServerOptions.MAX_FRAME_BYTES, "2048"));
        PhoenixClient other = connect();
        RealNodes.Raw big = raw();

        big.send("{\"topic\":\"" + T + "\",\"event\":\"phx_join\",\"payload\":{\"pad\":\"" + "x".repeat(4096)
                + "\"},\"ref\":1}");

        CloseReason reason = big.closed.get(RealNodes.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, reason.getCloseCode(), reason::toString);
        assertEquals("Buffer overflow.", reason.getReasonPhrase());
        awaitLine("cut the connection from ", ": a frame over 2048 bytes");
        assertEquals(List.of("com.acme.A"), RealNodes.runAlone(other, T, List.of("com.acme.A")));
        assertEquals(1, server.connections(), "the cut connection is counted closed");
    }

    @Test
    void cutsAConnectionSilentForTheIdleTimeout() throws Exception {
        start(Map.of(ServerOptions.IDLE_TIMEOUT, "300ms"));
        RealNodes.Raw silent = raw();

        CloseReason reason = silent.closed.get(RealNodes.TIMEOUT_SECONDS, TimeUnit.SECONDS);

        assertNotNull(reason);
        awaitLine("cut the connection from ", "(idle timeout 300 ms)", reason);
        assertEquals(List.of("com.acme.B"), RealNodes.runAlone(connect(), T, List.of("com.acme.B")));
    }

    @Test
    void cutsAConnectionThatFloodsTheServerWithJoinsAndServesTheOthers() throws Exception {
        start(Map.of(ServerOptions.JOINS_PER_MINUTE, "5"));
        RealNodes.Raw flood = raw();

        for (int i = 1; i <= 50 && !flood.closed.isDone(); i++) {
            try {
                flood.send("{\"topic\":\"" + Events.topic("junit", "flood-" + i)
                        + "\",\"event\":\"phx_join\",\"payload\":{},\"ref\":" + i + "}");
            } catch (IOException e) {
                break; // the server cut the connection while this join was on its way: its close says why
            }
        }

        CloseReason reason = flood.closed.get(RealNodes.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(
                CloseReason.CloseCodes.VIOLATED_POLICY.getCode(),
                reason.getCloseCode().getCode());
        assertEquals("too many joins", reason.getReasonPhrase());
        assertEquals(5, flood.received.size(), "the first five joins were answered: " + flood.received);
        awaitLine("cut the connection from ", ": more than 5 joins a minute");
        assertEquals(List.of("com.acme.C"), RealNodes.runAlone(connect(), T, List.of("com.acme.C")));
    }

    @Test
    void closesWith1011AConnectionWhoseFrameTheStoreCouldNotKeepSoThatItsNodeReconnects() throws Exception {
        SqlStore store = SqlStore.open(dir.resolve("failing"));
        server = OrchestratorServer.start(
                settings(Map.of()),
                Orchestrator.builder()
                        .store(store)
                        .timings(store.timings())
                        .log(this::log)
                        .build(),
                this::log);
        store.close(); // every unit of work fails to be kept from now on, as on a full disk
        RealNodes.Raw node = raw();

        node.send("{\"topic\":\"" + T + "\",\"event\":\"phx_join\",\"payload\":{},\"ref\":1}");

        CloseReason reason = node.closed.get(RealNodes.TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, reason.getCloseCode(), reason::toString);
        assertEquals(SocketEndpoint.STORE_FAILED, reason.getReasonPhrase());
        assertTrue(node.received.isEmpty(), () -> "no reply tells of what was not kept: " + node.received);
        awaitLine("cut the connection from ", " is closed");
    }

    @Test
    void refusesAReportsBodyOverTheFrameLimitWith413KeepingNothingOfIt() throws Exception {
        start(Map.of(ServerOptions.MAX_FRAME_BYTES, "2048"));
        assertEquals(List.of("com.acme.A"), RealNodes.runAlone(connect(), T, List.of("com.acme.A")));
        String report = "{\"class\":\"com.acme.A\",\"file\":\"TEST-com.acme.A.xml\",\"xml\":\"<testsuite>";
        String big = "{\"reports\": [" + report + "x".repeat(4096) + "</testsuite>\"}]}";

        HttpResponse<String> refused = reports(big);

        assertEquals(413, refused.statusCode(), refused::body);
        awaitLine("refused the reports of " + T + " from ", " over 2048 bytes (fastCi.maxFrameBytes)");
        assertEquals(200, reports(null).statusCode());
        assertTrue(reports(null).body().endsWith("\"reports\":[]}"), "nothing of it kept");
        HttpResponse<String> small = reports("{\"reports\": [" + report + "ok</testsuite>\"}]}");
        assertEquals("{\"kept\":1}", small.body(), "a body within the limit is taken");
    }

    /** A POST of {@code body} to the run's reports, or a GET with null, with the key in its header. */
    private HttpResponse<String> reports(String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.httpUri().resolve(Events.reportsPath(T)))
                .timeout(Duration.ofSeconds(RealNodes.TIMEOUT_SECONDS))
                .header(Events.KEY_HEADER, key.reveal());
        request = body == null ? request.GET() : request.POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void start(Map<String, String> limits) throws Exception {
        server = StandingServer.start(settings(limits), this::log, this::log);
    }

    private ServerSettings settings(Map<String, String> limits) {
        Map<String, String> values = new java.util.HashMap<>(limits);
        values.put(ServerOptions.PORT, "0");
        values.put(ServerOptions.TIMINGS_FILE, dir.resolve("timings.json").toString());
        values.put(ServerOptions.DATA_DIR, dir.resolve("data").toString());
        return ServerOptions.translate(values, Map.of("FAST_CI_SECRET_KEY", key.reveal()));
    }

    private void log(String line) {
        log.add(line);
        lines.add(line);
    }

    /** Waits, at most the timeout, for a line of the server's log that starts and ends so. */
    private void awaitLine(String start, String end) throws InterruptedException {
        awaitLine(start, end, null);
    }

    /** As {@link #awaitLine(String, String)}, naming the connection's close reason if the line never comes. */
    private void awaitLine(String start, String end, CloseReason reason) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RealNodes.TIMEOUT_SECONDS);
        for (String line; (line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (line.startsWith(start) && line.endsWith(end)) {
                return;
            }
        }
        throw new AssertionError("no line \"" + start + "…" + end + "\" in " + log
                + (reason == null ? "" : " (the connection closed with " + reason + ")"));
    }

    private PhoenixClient connect() throws Exception {
        PhoenixClient client = RealNodes.connect(server.baseUri(), key, BUILD);
        closeAfter.add(client);
        return client;
    }

    private RealNodes.Raw raw() throws Exception {
        RealNodes.Raw raw = RealNodes.raw(server.baseUri(), key, BUILD);
        closeAfter.add(raw);
        return raw;
    }
}
