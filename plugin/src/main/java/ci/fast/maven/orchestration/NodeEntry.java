package ci.fast.maven.orchestration;

import ci.fast.maven.booter.NodeBridge;
import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The door into the fork's isolated class loader. The booter, in the tests' loader, knows this class only by name and
 * calls it as a {@code Function<Map<String, Object>, String>}, so that only JDK types cross between the loaders.
 *
 * <p>Input keys are those of {@link NodeBridge}: the server's base URL (asked for once this side's classes are loaded),
 * the secret key, the connect parameters, the classes, the carried results and the test side's functions (see
 * {@link BridgedTestSide}). The result is null on success, {@link NodeBridge#RUN_FINISHED} when the run had ended
 * before this node joined, or else the one line that says why the node failed.
 */
public final class NodeEntry implements Function<Map<String, Object>, String> {
    @Override
    @SuppressWarnings("unchecked")
    public String apply(Map<String, Object> input) {
        StartupTrace.mark("fork.entry");
        Map<String, String> params = (Map<String, String>) input.get(NodeBridge.PARAMS);
        // Ordering: all that needs no address comes before the address is asked for, which may wait for the server's
        // start (a local run's server starts while the fork does): the JSON provider, the client's random source, the
        // CI node and the carried results.
        Objects.requireNonNull(Json.PROVIDER);
        PhoenixClient.prepare();
        Map<String, String> ciNode = (Map<String, String>) input.get(NodeBridge.CI_NODE);
        JsonObject node = null;
        if (ciNode != null && !ciNode.isEmpty()) {
            JsonObjectBuilder builder = Json.PROVIDER.createObjectBuilder();
            ciNode.forEach(builder::add);
            node = builder.build();
        }
        String carried = (String) input.get(NodeBridge.CARRIED);
        JsonObject carriedResults = carried == null || carried.isEmpty()
                ? null
                : Json.parse(carried).asJsonObject();
        String topic = Events.topic(params.get("run_key"), params.get("build_id"));
        String server = ((Supplier<String>) input.get(NodeBridge.SERVER)).get();
        StartupTrace.mark("fork.address");
        ServerAddress address =
                new ServerAddress(URI.create(server), Secret.of((String) input.get(NodeBridge.SECRET_KEY)), params);
        // Stopped when the node ends: in Maven's JVM (forkCount=0) no exit ends its thread.
        Scheduler heartbeat = Scheduler.daemon("fast-ci-heartbeat");
        NodeSession session = new NodeSession(
                address,
                topic,
                (List<String>) input.get(NodeBridge.CLASSES),
                new BridgedTestSide((Map<String, Object>) input.get(NodeBridge.TESTS)),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                heartbeat,
                Backoff.DEFAULT);
        // The console as it is now: System.err here is the booter's capture, whose text outside any class reaches the
        // Maven log one write per line; a test that replaces System.err later must not swallow the node's lines.
        PrintStream console = System.err;
        session.console(console::println);
        if (node != null) {
            session.ciNode(node);
        }
        session.takeOver((String) input.get(NodeBridge.TAKE_OVER));
        if (carriedResults != null) {
            session.carry(carriedResults);
        }
        try {
            return session.run() == NodeSession.Outcome.RUN_FINISHED ? NodeBridge.RUN_FINISHED : null;
        } catch (ChannelException e) {
            return e.getMessage();
        } finally {
            heartbeat.close();
        }
    }
}
