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
 * @param server the orchestrator's base URL
 * @param params connect parameters other than the secret (run_key, build_id, commit, branch, …), in their order
 * @param classes every test class, for the enq of node 0
 * @param carried results a dead fork left unsent, a JSON results payload the node sends with its first deq; "" for
 *     none
 * @param tests how the tests run: filters, reruns, configuration parameters, engines
 * @param ciNode which CI node this machine is (lineage, attempt, node, machine: PROTOCOL.md section 5), sent in the
 *     join to our server only; empty when the CI does not say, and in local mode
 */
public record ForkSettings(
        String nonce,
        List<Path> isolatedPath,
        String server,
        Map<String, String> params,
        List<String> classes,
        String carried,
        TestRunOptions tests,
        Map<String, String> ciNode) {
    /** The environment variable that carries the secret key to a fork, as it does to the Maven side. */
    public static final String SECRET_ENV = "FAST_CI_SECRET_KEY";

    public ForkSettings {
        isolatedPath = List.copyOf(isolatedPath);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        classes = List.copyOf(classes);
        carried = carried == null ? "" : carried;
        tests = tests == null ? TestRunOptions.DEFAULTS : tests;
        ciNode = ciNode == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ciNode));
    }

    /** These settings for one fork: its own nonce. */
    public ForkSettings withNonce(String forkNonce) {
        return new ForkSettings(forkNonce, isolatedPath, server, params, classes, carried, tests, ciNode);
    }

    /** These settings with other carried results, for a fork that replaces a dead one. */
    public ForkSettings carrying(String results) {
        return new ForkSettings(nonce, isolatedPath, server, params, classes, results, tests, ciNode);
    }
}
