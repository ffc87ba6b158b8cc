package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.Secret;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Phoenix JavaScript client (npm {@code phoenix}, V2 serializer, over npm {@code ws}) runs a two-node run
 * against the real server: src/test/js/phoenix-client.js drives it and prints one JSON line per step. The build
 * installs both packages into target/js (pom.xml, exec-maven-plugin); this test fails, never skips, without them or
 * without {@code node}.
 */
class PhoenixJsClientTest {
    private static final long TIMEOUT_SECONDS = 60;
    private static final Path SCRIPT = Path.of("src", "test", "js", "phoenix-client.js");
    private static final Path NODE_MODULES = Path.of("target", "js", "node_modules");
    private static final String T = "test_orchestrator:js-build-1";
    private static final String CLASS = "com.acme.JsClientTest";

    private final List<String> log = new CopyOnWriteArrayList<>();
    /** Every frame the server received, as "event topic". */
    private final List<String> received = new CopyOnWriteArrayList<>();
    /** The join_ref of every phx_join the server received. */
    private final List<JsonValue> joinRefs = new CopyOnWriteArrayList<>();

    private final CountDownLatch closed = new CountDownLatch(2);
    private Secret secret;
    private OrchestratorServer server;

    @TempDir
    Path temp;

    @BeforeEach
    void startServer() throws IOException {
        secret = Secret.random();
        Orchestrator orchestrator = new Orchestrator(log::add);
        server = OrchestratorServer.start("127.0.0.1", 0, secret, new FrameHandler() {
            @Override
            public void receive(Peer peer, Frame frame) {
                received.add(frame.event() + " " + frame.topic());
                if ("phx_join".equals(frame.event())) {
                    joinRefs.add(frame.joinRef());
                }
                orchestrator.receive(peer, frame);
            }

            @Override
            public void closed(Peer peer) {
                orchestrator.closed(peer);
                closed.countDown();
            }
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void theOfficialJsClientJoinsEnqueuesDequeuesReportsAndLeaves() throws Exception {
        Map<String, JsonObject> steps = runScript(server.baseUri().toString(), secret.reveal());

        JsonObject joinA = steps.get("joinA").getJsonObject("response");
        assertEquals("join", joinA.getString("event"));
        assertEquals(0, joinA.getInt("node_index"));
        assertEquals("running", joinA.getString("state"));
        JsonObject joinB = steps.get("joinB").getJsonObject("response");
        assertEquals(1, joinB.getInt("node_index"));
        assertEquals("waiting", joinB.getString("state"));
        assertEquals(1, steps.get("deqRequestB").getInt("count"), "node 1's deq_request push");

        JsonObject deqA = steps.get("deqA").getJsonObject("response");
        assertEquals("deq", deqA.getString("event"));
        assertEquals(List.of(CLASS), strings(deqA));
        assertEquals(0, steps.get("enqReplies").getJsonArray("replies").size(), "a valid enq got a reply");
        assertEquals(List.of(), strings(steps.get("resultsA").getJsonObject("response")));
        assertEquals(List.of(), strings(steps.get("deqB").getJsonObject("response")), "node 1's held deq");
        assertTrue(steps.get("heartbeats").getInt("a") > 0
                && steps.get("heartbeats").getInt("b") > 0);
        assertTrue(steps.containsKey("left"), steps::toString);

        assertTrue(closed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the server never saw both sockets close");
        assertEquals(2, received.stream().filter(("leave " + T)::equals).count(), received::toString);
        // The client spoke V2: its joins carried a join_ref (a V1 frame has none).
        assertEquals(2, joinRefs.size(), joinRefs::toString);
        assertTrue(
                joinRefs.stream().allMatch(ref -> ref.getValueType() == JsonValue.ValueType.STRING),
                joinRefs::toString);
        assertTrue(log.contains("run " + T + " finished: 1 classes, 0 duplicate results"), log::toString);
    }

    /** Runs the script to its end and returns its output lines by step; fails with its output otherwise. */
    private Map<String, JsonObject> runScript(String url, String key) throws Exception {
        assertTrue(
                Files.isRegularFile(NODE_MODULES.resolve("phoenix/package.json"))
                        && Files.isRegularFile(NODE_MODULES.resolve("ws/package.json")),
                "npm packages phoenix and ws are missing from " + NODE_MODULES.toAbsolutePath()
                        + ": the build installs them (exec-maven-plugin, npm install, phase generate-test-resources);"
                        + " run the tests through Maven, e.g. mvn test -Dtest=PhoenixJsClientTest");
        Path stdout = temp.resolve("stdout");
        Path stderr = temp.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), url)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("FAST_CI_SECRET_KEY", key);
        builder.environment().put("NODE_PATH", NODE_MODULES.toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return fail("cannot run 'node' (Node.js 20 or later must be on the PATH): " + e.getMessage(), e);
        }
        boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String err = secret.redact(Files.readString(stderr, StandardCharsets.UTF_8));
        String what = "\n--- stdout:\n" + out + "--- stderr:\n" + err + "--- server log: " + log;
        if (!ended) {
            fail("node phoenix-client.js did not end within " + TIMEOUT_SECONDS + " s" + what);
        }
        if (process.exitValue() != 0) {
            fail("node phoenix-client.js exited " + process.exitValue() + what);
        }
        Map<String, JsonObject> steps = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                JsonObject step = Json.parse(line).asJsonObject();
                steps.put(step.getString("step"), step);
            }
        }
        return steps;
    }

    private static List<String> strings(JsonObject deqResponse) {
        return deqResponse.getJsonArray("tests").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString)
                .toList();
    }
}
