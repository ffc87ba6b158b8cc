package ci.fast.maven.channel;

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

    public static final String STATUS_OK = "ok";
    public static final String STATUS_ERROR = "error";
    public static final String STATE_RUNNING = "running";
    public static final String STATE_WAITING = "waiting";
    /** The reason a join is refused once the run has ended: nothing is left for the node, which is no failure. */
    public static final String REASON_RUN_FINISHED = "run finished";

    private Events() {}

    /** The topic every node of one run joins. */
    public static String topic(String runKey, String buildId) {
        return TOPIC_PREFIX + runKey + "-" + buildId;
    }
}
