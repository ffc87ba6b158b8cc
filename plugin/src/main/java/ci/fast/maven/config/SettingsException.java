package ci.fast.maven.config;

/**
 * A goal's configuration that cannot work, with the one line the user sees: what is wrong and what to do. The goal
 * turns it into the build's failure in one place.
 */
public final class SettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
