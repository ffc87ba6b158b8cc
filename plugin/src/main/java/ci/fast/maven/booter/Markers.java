package ci.fast.maven.booter;

/**
 * The lines a fork writes to its native stdout and stderr at each class's start and end:
 * {@code <nonce>:S:<class>} and {@code <nonce>:E:<class>}, each followed by a newline. The nonce is random per
 * fork, so a test cannot print one by chance. Text before a marker on the same line belongs to the class before.
 */
public final class Markers {
    public static final char START = 'S';
    public static final char END = 'E';

    private Markers() {}

    /** The marker line, with its newline. */
    public static String line(String nonce, char phase, String key) {
        return nonce + ":" + phase + ":" + key + "\n";
    }
}
