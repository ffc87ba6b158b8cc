package ci.fast.maven.server;

import static ci.fast.maven.server.RealNodes.await;
import static ci.fast.maven.server.RealNodes.batch;
import static ci.fast.maven.server.RealNodes.enq;
import static ci.fast.maven.server.RealNodes.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Secret;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server of several projects' keys, from a keys file, behind real loopback sockets with our real client. */
class ServerKeysTest {
    private static final String BUILD = "build-7";
    private static final String T = Events.topic(RealNodes.RUN_KEY, BUILD);

    private final Secret alpha = Secret.random();
    private final Secret beta = Secret.random();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @TempDir
    Path dir;

    private Path keysFile;
    private OrchestratorServer server;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeAfter) {
            closeable.close();
        }
        server.close();
    }

    @Test
    void keepsTheRunsOfTwoProjectsApartThoughTheirNodesJoinTheSameTopic() throws Exception {
        start("alpha=" + alpha.reveal() + "\nbeta=" + beta.reveal() + "\n");
        PhoenixClient a = connect(alpha);
        PhoenixClient b = connect(beta);

        assertEquals(0, ok(await(a.push(T, Events.JOIN, Json.EMPTY))).getInt("node_index"));
        a.push(T, Events.ENQ, enq(List.of("com.alpha.A1", "com.alpha.A2")));
        assertEquals(
                0, ok(await(b.push(T, Events.JOIN, Json.EMPTY))).getInt("node_index"), "beta's own run, not alpha's");
        b.push(T, Events.ENQ, enq(List.of("com.beta.B1")));

        List<String> alphas = batch(await(a.push(T, Events.DEQ, Json.EMPTY)));
        List<String> betas = batch(await(b.push(T, Events.DEQ, Json.EMPTY)));
        assertEquals(List.of(), batch(await(b.push(T, Events.DEQ, RealNodes.results(betas)))));
        List<String> rest = batch(await(a.push(T, Events.DEQ, RealNodes.results(alphas))));
        List<String> allAlpha = new ArrayList<>(alphas);
        allAlpha.addAll(rest);

        assertEquals(List.of("com.beta.B1"), betas);
        assertEquals(
                List.of("com.alpha.A1", "com.alpha.A2"),
                allAlpha.stream().sorted().toList());
        assertTrue(
                log.stream().anyMatch(line -> line.startsWith("node 0 joined test_orchestrator:alpha/junit-build-7 ")),
                log::toString);
        assertTrue(
                log.stream().anyMatch(line -> line.startsWith("node 0 joined test_orchestrator:beta/junit-build-7 ")),
                log::toString);
        assertNoKeyIn(log);
    }

    @Test
    void refusesAKeyOfNoProjectWith403AndALineSayingSoWithoutTheKey() throws Exception {
        start("alpha=" + alpha.reveal() + "\n");
        Secret wrong = Secret.random();

        ChannelException e = assertThrows(ChannelException.class, () -> connect(wrong));

        assertTrue(e.getMessage().contains("the server refused the secret key (HTTP 403)"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong.reveal()), e.getMessage());
        assertTrue(
                log.contains("refused a connection from 127.0.0.1: its secret_key is no project's key (HTTP 403)"),
                log::toString);
        assertFalse(String.join("\n", log).contains(wrong.reveal()), log::toString);
    }

    @Test
    void takesTheKeysOfARewrittenKeysFileAtTheNextConnect() throws Exception {
        start("alpha=" + alpha.reveal() + "\n");
        assertThrows(ChannelException.class, () -> connect(beta), "beta is not in the file yet");

        Files.writeString(keysFile, "# alpha left; beta joined\nbeta=" + beta.reveal() + "\n");

        PhoenixClient b = connect(beta);
        assertEquals(List.of("com.beta.B1"), RealNodes.runAlone(b, T, List.of("com.beta.B1")));
        ChannelException e = assertThrows(ChannelException.class, () -> connect(alpha));
        assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
        assertTrue(log.contains("keys file " + keysFile + " reloaded: 1 projects"), log::toString);
        assertNoKeyIn(log);
    }

    @Test
    void showsADashboardViewerOnlyTheRunsOfTheProjectWhoseKeyTheyGive() throws Exception {
        start("alpha=" + alpha.reveal() + "\nbeta=" + beta.reveal() + "\n");
        RealNodes.runAlone(connect(alpha), T, List.of("com.alpha.A1"));
        RealNodes.runAlone(connect(beta), Events.topic(RealNodes.RUN_KEY, "other"), List.of("com.beta.B1"));
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> anonymous = dashboard(http, "/", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic "));
        assertEquals(401, dashboard(http, "/", Secret.random()).statusCode(), "a key of no project");

        String alphas = dashboard(http, "/", alpha).body();
        assertTrue(alphas.contains("data-topic=\"" + T + "\""), "alpha's run, by the topic its nodes know: " + alphas);
        assertFalse(alphas.contains("com.beta") || alphas.contains("other") || alphas.contains("alpha/"), alphas);
        HttpResponse<String> page = dashboard(http, "/runs/" + T.replace(":", "%3A"), alpha);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("1 / 1 classes"), page.body());
        String betasTopic = Events.topic(RealNodes.RUN_KEY, "other").replace(":", "%3A");
        assertEquals(404, dashboard(http, "/runs/" + betasTopic, alpha).statusCode(), "not alpha's run");
        assertEquals(200, dashboard(http, "/runs/" + betasTopic, beta).statusCode());
        assertNoKeyIn(List.of(alphas, page.body()));
    }

    private HttpResponse<String> dashboard(HttpClient http, String path, Secret key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.httpUri().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .GET();
        return http.send(RealNodes.asViewer(request, key).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void start(String keys) throws Exception {
        keysFile = dir.resolve("keys.properties");
        Files.writeString(keysFile, keys);
        ServerSettings settings = ServerOptions.translate(
                Map.of(
                        ServerOptions.PORT, "0",
                        ServerOptions.KEYS_FILE, keysFile.toString(),
                        ServerOptions.TIMINGS_FILE, dir.resolve("timings.json").toString(),
                        ServerOptions.DATA_DIR, dir.resolve("data").toString()),
                Map.of());
        server = StandingServer.start(settings, log::add, log::add);
    }

    private PhoenixClient connect(Secret key) throws ChannelException {
        PhoenixClient client = RealNodes.connect(server.baseUri(), key, BUILD);
        closeAfter.add(client);
        return client;
    }

    private void assertNoKeyIn(List<String> lines) {
        String all = String.join("\n", lines);
        assertFalse(all.contains(alpha.reveal()) || all.contains(beta.reveal()), all);
    }
}
