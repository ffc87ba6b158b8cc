package ci.fast.maven.orchestration;

import ci.fast.maven.booter.NodeBridge;
import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
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
        // Ordering: the JSON provider loads before the address is asked for, which may wait for the server's start.
        Objects.requireNonNull(Json.PROVIDER);
        String server = ((Supplier<String>) input.get(NodeBridge.SERVER)).get();
        StartupTrace.mark("fork.address");
        ServerAddress address =
                new ServerAddress(URI.create(server), Secret.of((String) input.get(NodeBridge.SECRET_KEY)), params);
        String topic = Events.topic(params.get("run_key"), params.get("build_id"));
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
        Map<String, String> ciNode = (Map<String, String>) input.get(NodeBridge.CI_NODE);
        if (ciNode != null && !ciNode.isEmpty()) {
            JsonObjectBuilder node = Json.PROVIDER.createObjectBuilder();
            ciNode.forEach(node::add);
            session.ciNode(node.build());
        }
        session.takeOver((String) input.get(NodeBridge.TAKE_OVER));
        String carried = (String) input.get(NodeBridge.CARRIED);
        if (carried != null && !carried.isEmpty()) {
            session.carry(Json.parse(carried).asJsonObject());
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
