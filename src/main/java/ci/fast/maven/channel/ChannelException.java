package ci.fast.maven.channel;

/**
 * A failure of the connection to an orchestrator, with a message fit to show a user as is: it names the server
 * (secret redacted) and the cause.
 */
public final class ChannelException extends Exception {
    private static final long serialVersionUID = 1L;

    public ChannelException(String message) {
        super(message);
    }
}
