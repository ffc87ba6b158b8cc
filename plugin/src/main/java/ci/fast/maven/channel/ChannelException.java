package ci.fast.maven.channel;

/**
 * A failure of the connection to an orchestrator, with a message fit to show a user as is: it names the server
 * (secret redacted) and the cause. A transient one (the network, a server restarting) is worth a reconnect; any
 * other (a refused key, a server that failed the run) is final.
 */
public final class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    /** A final failure. */
    public ChannelException(String message) {
        this(message, false);
    }

    public ChannelException(String message, boolean transientFailure) {
        super(message);
        this.transientFailure = transientFailure;
    }

    /** Whether reconnecting may help: the connection broke or could not be made, not refused. */
    public boolean isTransient() {
        return transientFailure;
    }
}
