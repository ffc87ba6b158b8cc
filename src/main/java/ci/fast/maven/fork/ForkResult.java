package ci.fast.maven.fork;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one fork ended.
 *
 * @param number the fork's number, from 1
 * @param failure null, or the one line saying why the fork's node failed
 * @param died whether the JVM ended without saying goodbye (crash, kill, timeout), rather than its node ending
 * @param lost classes the fork was running when it died, each already reported as an error
 * @param unstarted classes of the dead fork's last batch it never started, which the server hands out again
 * @param carried the wire outcomes (name, status, seconds, failure) of the dead fork's last batch, by class, for a
 *     replacement fork to send to the server with its first deq; empty unless {@code died}
 */
public record ForkResult(
        int number,
        String failure,
        boolean died,
        List<String> lost,
        List<String> unstarted,
        Map<String, List<Map<String, Object>>> carried) {
    public ForkResult {
        lost = List.copyOf(lost);
        unstarted = List.copyOf(unstarted);
        carried = Collections.unmodifiableMap(new LinkedHashMap<>(carried));
    }

    /** A fork whose node ended, well ({@code failure} null) or not. */
    static ForkResult ended(int number, String failure) {
        return new ForkResult(number, failure, false, List.of(), List.of(), Map.of());
    }
}
