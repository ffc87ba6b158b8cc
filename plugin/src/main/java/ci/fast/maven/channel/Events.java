package ci.fast.maven.channel;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The event and topic names of the FastCI protocol (PROTOCOL.md), in one place. */
public final class Events {
    /** The topic of socket-level messages (heartbeats). */
    public static final String PHOENIX_TOPIC = "phoenix";
    /** Prefix of every run topic: {@code test_orchestrator:<run_key>-<build_id>}. */
    public static final String TOPIC_PREFIX = "test_orchestrator:";

    public static final String HEARTBEAT = "heartbeat";
    public static final String JOIN = "phx_join";
    public static final String REPLY = "phx_reply";
    public static final String PHX_ERROR = "phx_error";
    public static final String PHX_CLOSE = "phx_close";
    public static final String ENQ = "enq";
    public static final String DEQ = "deq";
    public static final String DEQ_REQUEST = "deq_request";
    public static final String LEAVE = "leave";
    /** Phoenix's own leave, sent by its clients' {@code channel.leave()}; answered ok. */
    public static final String PHX_LEAVE = "phx_leave";

    public static final String ERROR = "error";

    /** Join reply {@code response.event}. */
    public static final String JOINED = "join";

    /**
     * Our server's join reply names the node with this token, and a node that rejoins sends it back in its join's
     * payload (PROTOCOL.md section 5); the cloud never sends one, so a node that got none sends none.
     */
    public static final String REJOIN_TOKEN = "rejoin_token";

    /**
     * A node tells our server which CI node it is with this object in its join's payload ({@code lineage},
     * {@code attempt}, {@code node}, {@code machine}: PROTOCOL.md section 5), so that a retry of its CI job can ask what
     * it ran; sent only to a server whose upgrade answer carried {@link #SERVER_HEADER}, never to the cloud.
     */
    public static final String CI_NODE = "ci_node";

    /**
     * Our server's answer to the WebSocket upgrade carries this header: the node may send it the optional fields of
     * section 5 ({@link #CI_NODE}) and ask it for a retried node's share ({@link #SHARE_TOPIC_PREFIX}).
     */
    public static final String SERVER_HEADER = "x-fast-ci-server";
    /**
     * The header of our server's upgrade answer that says where its dashboard's run pages are, such as
     * {@code /runs/}: a node's timeline links to its run's page there (docs/server-protocol.md).
     */
    public static final String DASHBOARD_HEADER = "x-fast-ci-dashboard";

    /**
     * A join to {@code fast_ci_share:<lineage>} with {@code {"node":…, "attempt":…}} asks our server what that CI node
     * ran in the last attempt of the lineage other than {@code attempt}; the reply carries it ({@code attempt},
     * {@code tests}, {@code failed}, {@code machines}) and joins nothing, or is an error with the reason none is known.
     */
    public static final String SHARE_TOPIC_PREFIX = "fast_ci_share:";

    /** The share reply's {@code response.event}. */
    public static final String SHARE = "share";

    public static final String STATUS_OK = "ok";
    public static final String STATUS_ERROR = "error";
    public static final String STATE_RUNNING = "running";
    public static final String STATE_WAITING = "waiting";
    /** The reason a join is refused once the run has ended: nothing is left for the node, which is no failure. */
    public static final String REASON_RUN_FINISHED = "run finished";

    /**
     * The header of our server's HTTP requests for a run's reports that holds the secret key: never in their URL
     * (docs/server-protocol.md, "Merged reports").
     */
    public static final String KEY_HEADER = "x-fast-ci-secret-key";

    private Events() {}

    /** The path of our server's HTTP requests for the reports of {@code topic}'s run: {@code /runs/<topic>/reports}. */
    public static String reportsPath(String topic) {
        return "/runs/" + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "/reports";
    }

    /** The topic every node of one run joins. */
    public static String topic(String runKey, String buildId) {
        return TOPIC_PREFIX + runKey + "-" + buildId;
    }
}
