package ci.fast.maven.booter;

import java.util.Map;

/**
 * The system properties a fork last sent to Maven. They are sent when a class finishes, and only when they changed:
 * most classes leave them as they found them, and the report of each takes the last ones sent.
 */
final class SentProperties {
    /** Null until the first are sent. Guarded by {@code this}. */
    private Map<String, String> last;

    /** Whether {@code properties} differ from the last sent; if so, they are the last sent from now on. */
    synchronized boolean changedTo(Map<String, String> properties) {
        if (properties.equals(last)) {
            return false;
        }
        last = Map.copyOf(properties);
        return true;
    }
}
