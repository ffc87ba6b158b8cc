package ci.fast.maven.server;

/**
 * A store that cannot keep or read what the rules asked of it (its disk is full, its file is not a database): the
 * unit of work is not acknowledged, and the message says which store and why.
 */
public final class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
