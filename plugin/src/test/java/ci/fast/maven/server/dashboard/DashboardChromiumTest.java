package ci.fast.maven.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.orchestration.NodeSession;
import ci.fast.maven.orchestration.TestSide;
import ci.fast.maven.report.timeline.HeadlessChromium;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard of a real server that two real nodes run a real run on, read in headless Chromium: the list of runs,
 * and a run's page opened while the run goes on, which shows the end of the run without being reloaded by hand.
 */
class DashboardChromiumTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String FAILING = "com.acme.FailingTest";
    private static final String FLAKY = "com.acme.FlakyTest";
    /** Its batch is held until the page is open: the run is live when Chromium loads the page. */
    private static final String LAST = "com.acme.LastTest";

    private static final List<String> CLASSES =
            List.of("com.acme.ATest", "com.acme.BTest", FAILING, FLAKY, "com.acme.CTest", LAST);

    @TempDir
    Path dir;

    private final Secret secret = Secret.random();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stopEverything() throws Exception {
        release.countDown();
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
    }

    @Test
    void aRunsPageOpenedWhileItRunsShowsItsEndAndTheListShowsIt() throws Exception {
        HeadlessChromium chromium = chromium();
        Board board = new Board(Clock.systemUTC(), 10);
        OrchestratorServer server =
                start(Orchestrator.builder().dashboard(board).build());
        String topic = Events.topic("junit", "dashboard-run");
        List<CompletableFuture<NodeSession.Outcome>> outcomes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            NodeSession session = node(server, topic);
            outcomes.add(CompletableFuture.supplyAsync(() -> run(session)));
        }
        assertTrue(holding.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "a node was handed " + LAST);
        URI page = server.httpUri().resolve(DashboardPages.path(topic));

        CompletableFuture<String> dom = CompletableFuture.supplyAsync(() -> dump(chromium, page, 60_000));
        assertTrue(board.awaitWaiting(TIMEOUT), "the open page waits for the run to change");
        assertTrue(board.run(topic).orElseThrow().live(), "the run was live when the page opened");
        release.countDown();
        for (CompletableFuture<NodeSession.Outcome> outcome : outcomes) {
            assertEquals(NodeSession.Outcome.DONE, outcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        }

        String shown = dom.get(120, TimeUnit.SECONDS);
        assertTrue(shown.contains("data-outcome=\"failed\""), "the page shows the run's end: " + shown);
        assertFalse(shown.contains("data-wait="), "a finished run's page waits for nothing more");
        assertTrue(shown.contains("6 / 6 classes"), shown);
        assertEquals(2, count(shown, "<tr><td>node \\d</td>"), "a row per node");
        assertTrue(shown.contains(">node 1</text>") && shown.contains(">node 2</text>"), "a lane per node");
        assertEquals(6, count(shown, "<rect class=\"bar "), "a bar per class");
        assertTrue(shown.contains("<td id=\"forks\"") || shown.contains("nodes</dt>"), "the lanes are nodes");
        // The failure with its message, escaped; the flaky test by name.
        assertTrue(shown.contains(FAILING + "<br><b>fails()</b><pre>expected: &lt;2&gt; but was: &lt;3&gt;"), shown);
        assertTrue(shown.contains("<li>" + FLAKY + ": retried()</li>"), shown);
        assertTrue(shown.contains("id=\"slowest\""), shown);

        // As loaded: the list waits for changes for as long as it is open.
        String list = dump(chromium, server.httpUri().resolve("/"), 0);
        assertTrue(list.contains("data-topic=\"" + topic + "\" data-outcome=\"failed\""), list);
        assertTrue(list.contains("href=\"" + DashboardPages.path(topic) + "\""), list);
        assertTrue(list.contains("<td class=\"failed\">1</td>"), list);
        assertFalse(list.contains(secret.reveal()), "no key on the page");

        Path shot = chromium.screenshot(page, dir.resolve("dashboard.png"), 1280, 900);
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void ourServerSaysWhereItsRunPagesAreAndAnswersAWaitWhenTheBoardChanges() throws Exception {
        Board board = new Board(Clock.systemUTC(), 10);
        OrchestratorServer withBoard =
                start(Orchestrator.builder().dashboard(board).build());
        OrchestratorServer without = start(Orchestrator.builder().build());

        assertEquals(DashboardPages.RUNS, connect(withBoard).dashboard().orElse("none"));
        assertEquals("none", connect(without).dashboard().orElse("none"), "no dashboard, no header");

        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        assertEquals(404, get(http, without, "/").statusCode());
        assertEquals(200, get(http, withBoard, "/").statusCode());
        HttpResponse<String> missing = get(http, withBoard, DashboardPages.path("test_orchestrator:nope"));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("No run"), missing.body());
        assertEquals(400, get(http, withBoard, DashboardPages.WAIT + "?since=x").statusCode());
        assertEquals("HTTP/1.1 400 Bad Request", rawStatusLine(withBoard, DashboardPages.RUNS + "%zz"), "bad encoding");

        long seen = board.version();
        CompletableFuture<HttpResponse<String>> wait = http.sendAsync(
                request(withBoard, DashboardPages.WAIT + "?since=" + seen), HttpResponse.BodyHandlers.ofString());
        assertTrue(board.awaitWaiting(TIMEOUT), "the wait is held");
        assertFalse(wait.isDone());
        PhoenixClient client = connect(withBoard);
        client.push(Events.topic("junit", "waited"), Events.JOIN, Json.EMPTY)
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        HttpResponse<String> answered = wait.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode());
        assertTrue(Long.parseLong(answered.body().trim()) > seen, answered.body());
    }

    // Helpers.

    private HeadlessChromium chromium() {
        HeadlessChromium chromium = HeadlessChromium.find(dir).orElse(null);
        assertFalse(
                chromium == null && "true".equalsIgnoreCase(System.getenv("CI")),
                "CI=true but no Chromium at /usr/bin/chromium: .ci/run should have installed Debian's chromium package");
        Assumptions.assumeTrue(chromium != null, "no Chromium at /usr/bin/chromium (or FAST_CI_CHROMIUM)");
        return chromium;
    }

    private static String dump(HeadlessChromium chromium, URI page, int budgetMillis) {
        try {
            return chromium.dumpDom(page, budgetMillis);
        } catch (Exception e) {
            throw new IllegalStateException("chromium could not show " + page + ": " + e, e);
        }
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private OrchestratorServer start(Orchestrator orchestrator) throws Exception {
        OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator);
        closeAfter.add(server);
        return server;
    }

    private PhoenixClient connect(OrchestratorServer server) throws Exception {
        PhoenixClient client = PhoenixClient.connect(
                new ServerAddress(server.baseUri(), secret, params()),
                TIMEOUT,
                daemon(),
                new PhoenixClient.Listener() {});
        closeAfter.add(client);
        return client;
    }

    private static HttpRequest request(OrchestratorServer server, String path) {
        return HttpRequest.newBuilder(server.httpUri().resolve(path))
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
    }

    /** The status line of a GET of {@code path} as given, which Java's HTTP client would refuse to send. */
    private static String rawStatusLine(OrchestratorServer server, String path) throws Exception {
        URI uri = server.httpUri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static HttpResponse<String> get(HttpClient http, OrchestratorServer server, String path) throws Exception {
        return http.send(request(server, path), HttpResponse.BodyHandlers.ofString());
    }

    /** A node whose tests pass, but one that fails and one that passes on its rerun; it holds {@link #LAST}. */
    private NodeSession node(OrchestratorServer server, String topic) {
        TestSide tests = new TestSide() {
            @Override
            public Map<String, List<Map<String, Object>>> run(List<String> batch) {
                if (batch.contains(LAST)) {
                    holding.countDown();
                    try {
                        if (!release.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                            throw new IllegalStateException("the test never released " + LAST);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                Map<String, List<Map<String, Object>>> results = new LinkedHashMap<>();
                for (String key : batch) {
                    results.put(key, List.of(outcome(key)));
                }
                return results;
            }
        };
        return new NodeSession(
                new ServerAddress(server.baseUri(), secret, params()),
                topic,
                CLASSES,
                tests,
                TIMEOUT,
                TIMEOUT,
                daemon(),
                Backoff.DEFAULT);
    }

    private static Map<String, Object> outcome(String key) {
        Map<String, Object> test = new HashMap<>();
        test.put(TestSide.SECONDS, 0.01);
        if (key.equals(FAILING)) {
            test.put(TestSide.NAME, "fails()");
            test.put(TestSide.STATUS, "failed");
            test.put(TestSide.FAILURE, "expected: <2> but was: <3>");
        } else if (key.equals(FLAKY)) {
            test.put(TestSide.NAME, "retried()");
            test.put(TestSide.STATUS, "passed");
            test.put(TestSide.FLAKY, Boolean.TRUE);
        } else {
            test.put(TestSide.NAME, "works()");
            test.put(TestSide.STATUS, "passed");
        }
        return test;
    }

    private Scheduler daemon() {
        Scheduler scheduler = Scheduler.daemon("dashboard-test");
        closeAfter.add(scheduler);
        return scheduler;
    }

    private static NodeSession.Outcome run(NodeSession session) {
        try {
            return session.run();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("run_key", "junit");
        params.put("build_id", "dashboard-run");
        return params;
    }
}
