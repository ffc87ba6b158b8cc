package ci.fast.maven.booter;

/**
 * The names both sides of the fork's loader boundary spell: the keys of the map the booter hands to
 * {@code ci.fast.maven.orchestration.NodeEntry} in the isolated loader, the keys of the test side's functions inside
 * it, and the result that says the run had finished before the node joined. Compile-time constants, so that the
 * isolated side reads them without loading this class.
 */
public final class NodeBridge {
    /**
     * Input: the orchestrator's base URL, a {@code Supplier<String>} that may block until the Maven side has sent it (a
     * local run's server starts while the fork does).
     */
    public static final String SERVER = "server";

    /** Input: the project's secret key, a {@code String}. */
    public static final String SECRET_KEY = "secretKey";

    /** Input: the connect parameters, a {@code Map<String, String>} with {@code run_key} and {@code build_id}. */
    public static final String PARAMS = "params";

    /** Input: every test class, a {@code List<String>}. */
    public static final String CLASSES = "classes";

    /** Input: which CI node this machine is, a {@code Map<String, String>}, empty when unknown. */
    public static final String CI_NODE = "ciNode";

    /** Input: a JSON results payload to send with the first deq, or "". */
    public static final String CARRIED = "carried";

    /** Input: the test side's functions, a {@code Map<String, Object>} under the three keys below. */
    public static final String TESTS = "tests";

    /** Test side: runs a batch, a {@code Function<List<String>, Map<String, List<Map<String, Object>>>>}. */
    public static final String RUN = "run";

    /** Test side: the node's index once joined, a {@code Consumer<Integer>}. */
    public static final String JOINED = "joined";

    /** Test side: a batch as it arrives, a {@code Consumer<List<String>>}. */
    public static final String BATCH_RECEIVED = "batchReceived";

    /** Input: the token of a dead fork's node this one takes over, a {@code String}; "" for a node of its own. */
    public static final String TAKE_OVER = "takeOver";

    /** Test side: the token our server named the node with, a {@code Consumer<String>}. */
    public static final String NAMED = "named";

    /** Test side: the node is back after an outage, a {@code Runnable}. */
    public static final String RECONNECTED = "reconnected";

    /** The node's result when the run had finished before it joined: nothing was left for it, which is no failure. */
    public static final String RUN_FINISHED = "run finished";

    private NodeBridge() {}
}
