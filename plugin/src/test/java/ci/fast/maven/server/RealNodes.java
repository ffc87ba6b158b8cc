package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.server.dashboard.DashboardPages;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.container.jdk.client.JdkClientContainer;

/** Real nodes for tests of a real server: our client running a suite to its end, and a bare WebSocket client. */
final class RealNodes {
    static final long TIMEOUT_SECONDS = 10;
    static final String RUN_KEY = "junit";

    private RealNodes() {}

    static Map<String, String> params(String buildId) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", buildId);
        params.put("run_key", RUN_KEY);
        params.put("commit", "0891fba");
        params.put("branch", "main");
        return params;
    }

    /** Our node's client, connected to {@code base} with {@code key}. */
    static PhoenixClient connect(URI base, Secret key, String buildId) throws ChannelException {
        return PhoenixClient.connect(
                new ServerAddress(base, key, params(buildId)),
                Duration.ofSeconds(TIMEOUT_SECONDS),
                Scheduler.daemon("test-node"),
                new PhoenixClient.Listener() {
                    @Override
                    public void pushed(Frame frame) {}

                    @Override
                    public void lost(String reason) {}
                });
    }

    /** {@code request} as a dashboard viewer of the project of {@code key} sends it (HTTP Basic); as is for null. */
    static HttpRequest.Builder asViewer(HttpRequest.Builder request, Secret key) {
        if (key != null) {
            String credentials = "viewer:" + key.reveal();
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** Joins {@code topic} as its first node, enqueues {@code classes} and runs every batch it is handed. */
    static List<String> runAlone(PhoenixClient client, String topic, List<String> classes) throws Exception {
        JsonObject joined = ok(await(client.push(topic, Events.JOIN, Json.EMPTY)));
        assertEquals(0, joined.getInt("node_index"), "the first node of its own run: " + joined);
        client.push(topic, Events.ENQ, enq(classes));
        List<String> ran = new ArrayList<>();
        List<String> batch = batch(await(client.push(topic, Events.DEQ, Json.EMPTY)));
        while (!batch.isEmpty()) {
            ran.addAll(batch);
            batch = batch(await(client.push(topic, Events.DEQ, results(batch))));
        }
        client.push(topic, Events.LEAVE, Json.EMPTY);
        return ran;
    }

    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    static JsonObject ok(Frame reply) {
        assertTrue(reply.isReply(), reply::toString);
        assertEquals(Events.STATUS_OK, reply.replyStatus(), reply::toString);
        return reply.replyResponse();
    }

    static List<String> batch(Frame reply) {
        JsonObject response = ok(reply);
        assertEquals(Events.DEQ, response.getString("event"));
        return response.getJsonArray("tests").getValuesAs(JsonString::getString);
    }

    static JsonObject enq(List<String> keys) {
        JsonObjectBuilder tests = Json.PROVIDER.createObjectBuilder();
        for (String key : keys) {
            tests.add(key, entry("pending", 0.0));
        }
        return Json.PROVIDER.createObjectBuilder().add("tests", tests).build();
    }

    static JsonObject results(List<String> keys) {
        JsonObjectBuilder results = Json.PROVIDER.createObjectBuilder();
        for (String key : keys) {
            results.add(key, entry("passed", 0.002));
        }
        return results.build();
    }

    private static JsonObject entry(String status, double seconds) {
        return Json.PROVIDER
                .createObjectBuilder()
                .add("file_status", status)
                .add("test_count", 1)
                .add(
                        "test_counters",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("failed", 0)
                                .add("passed", status.equals("passed") ? 1 : 0)
                                .add("pending", status.equals("pending") ? 1 : 0))
                .add(
                        "works()",
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("status", status)
                                .add("run_time", seconds))
                .build();
    }

    /** A bare WebSocket client on {@code base} with {@code key}: sends text as given, keeps what arrives. */
    static Raw raw(URI base, Secret key, String buildId) throws Exception {
        Raw raw = new Raw();
        ClientManager manager = ClientManager.createClient(JdkClientContainer.class.getName());
        raw.session = manager.connectToServer(
                raw,
                ClientEndpointConfig.Builder.create().build(),
                new ServerAddress(base, key, params(buildId)).connectUri());
        return raw;
    }

    /** What a bare client was sent, and how its connection closed. */
    static final class Raw extends Endpoint implements AutoCloseable {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        Session session;

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(1 << 20);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) received::add);
        }

        @Override
        public void onClose(Session session, CloseReason closeReason) {
            closed.complete(closeReason);
        }

        void send(String text) throws Exception {
            try {
                session.getBasicRemote().sendText(text);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Tyrus restarts its idle timer after writing; if the server closed in answer, that is rejected. The
                // frame itself went out.
            }
        }

        @Override
        public void close() throws Exception {
            session.close();
        }
    }

    /** A page's body by its path, as a test's viewer gets it. */
    @FunctionalInterface
    interface Pages {
        String get(String path) throws Exception;
    }

    /**
     * The dashboard's list of runs once it shows {@code text}, each change of the board waited for as the page itself
     * waits ({@code /version?since=}): a restarted server reads its store's runs after it starts.
     */
    static String listShowing(Pages pages, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            String list = pages.get("/");
            if (list.contains(text)) {
                return list;
            }
            assertTrue(System.nanoTime() < deadline, "the list never showed " + text + ": " + list);
            Matcher version = Pattern.compile("data-version=\"(\\d+)\"").matcher(list);
            assertTrue(version.find(), list);
            pages.get(DashboardPages.WAIT + "?since=" + version.group(1));
        }
    }
}
