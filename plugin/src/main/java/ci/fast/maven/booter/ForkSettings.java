package ci.fast.maven.booter;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Maven side tells a fork: the first frame on the event socket once the fork has connected, written and read
 * by {@link SettingsCodec} component by component, so that a new setting is one component here plus its use. The
 * fork's command line holds only the event port; the secret key never travels here but in the fork's environment
 * ({@link #SECRET_ENV}).
 *
 * @param nonce random per fork; marks class boundaries on the native output streams
 * @param isolatedPath the class path of the fork's isolated networking loader
 * @param server the orchestrator's base URL; "" for a node when it follows in a {@link ServerFrame} of its own
 * @param params connect parameters other than the secret (run_key, build_id, commit, branch, …), in their order
 * @param classes every test class, for the enq of node 0
 * @param carried results a dead fork left unsent, a JSON results payload the node sends with its first deq; "" for
 *     none
 * @param tests how the tests run: filters, reruns, configuration parameters, engines
 * @param assigned the classes this fork runs as it is handed them, with no node of its own, and then ends (Surefire's
 *     {@code reuseForks=false}: the node lives on the Maven side, which starts a fresh fork per class); empty when the
 *     fork is a node and takes its classes from the server
 * @param skipReason when not empty, the assigned classes do not run: each of their tests is reported skipped with this
 *     reason, as Surefire reports the tests {@code skipAfterFailureCount} cancelled
 * @param ciNode which CI node this machine is (lineage, attempt, node, machine: PROTOCOL.md section 5), sent in the
 *     join to our server only; empty when the CI does not say, and in local mode
 * @param takeOver the token of the node of a dead fork of this machine that this fork takes over (that fork started
 *     no class of its batch; our server hands the batch to this fork at once); "" for a node of its own
 */
public record ForkSettings(
        String nonce,
        List<Path> isolatedPath,
        String server,
        Map<String, String> params,
        List<String> classes,
        String carried,
        TestRunOptions tests,
        List<String> assigned,
        String skipReason,
        Map<String, String> ciNode,
        String takeOver) {
    /** The environment variable that carries the secret key to a fork, as it does to the Maven side. */
    public static final String SECRET_ENV = "FAST_CI_SECRET_KEY";

    public ForkSettings {
        isolatedPath = List.copyOf(isolatedPath);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        classes = List.copyOf(classes);
        server = server == null ? "" : server;
        carried = carried == null ? "" : carried;
        tests = tests == null ? TestRunOptions.DEFAULTS : tests;
        assigned = assigned == null ? List.of() : List.copyOf(assigned);
        skipReason = skipReason == null ? "" : skipReason;
        ciNode = ciNode == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ciNode));
        takeOver = takeOver == null ? "" : takeOver;
    }

    /** Whether the orchestrator's address follows these settings in a {@link ServerFrame}: a node's, left empty. */
    public boolean serverFollows() {
        return server.isEmpty() && assigned.isEmpty();
    }

    /** These settings for one fork: its own nonce. */
    public ForkSettings withNonce(String forkNonce) {
        return new ForkSettings(
                forkNonce,
                isolatedPath,
                server,
                params,
                classes,
                carried,
                tests,
                assigned,
                skipReason,
                ciNode,
                takeOver);
    }

    /** These settings with other carried results, for a fork that replaces a dead one. */
    public ForkSettings carrying(String results) {
        return new ForkSettings(
                nonce, isolatedPath, server, params, classes, results, tests, assigned, skipReason, ciNode, takeOver);
    }

    /**
     * These settings for a fork that replaces a dead one whose node started no class of its batch: it takes that node
     * over, with the token our server named it with, rather than joining as a node of its own.
     */
    public ForkSettings takingOver(String token) {
        return new ForkSettings(
                nonce, isolatedPath, server, params, classes, "", tests, assigned, skipReason, ciNode, token);
    }

    /** These settings for a fork that runs only {@code classes}, handed to it by the Maven side, and no node. */
    public ForkSettings assigning(List<String> classes) {
        return new ForkSettings(
                nonce, isolatedPath, server, params, this.classes, carried, tests, classes, "", ciNode, takeOver);
    }

    /** These settings for a fork that reports each test of {@code classes} skipped with {@code reason}, runs none. */
    public ForkSettings skipping(List<String> classes, String reason) {
        return new ForkSettings(
                nonce, isolatedPath, server, params, this.classes, carried, tests, classes, reason, ciNode, takeOver);
    }
}
