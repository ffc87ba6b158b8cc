package ci.fast.maven.channel;

/** A text that is not a valid Phoenix frame; the message says why, in words fit for a user. */
public final class FrameException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FrameException(String message) {
        super(message);
    }
}
