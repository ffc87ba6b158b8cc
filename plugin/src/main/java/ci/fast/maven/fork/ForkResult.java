package ci.fast.maven.fork;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one fork ended.
 *
 * @param number the fork's number, from 1
 * @param exit how it ended
 * @param lost classes the fork was running when it died, each already reported as an error
 * @param unstarted classes of the dead fork's last batch it never started, which the server hands out again
 * @param carried the wire outcomes (name, status, seconds, failure) of the fork's last batch, by class: for a dead
 *     fork, what a replacement fork sends to the server with its first deq; for a fork that ran the classes it was
 *     handed (reuseForks=false), what the node on the Maven side sends
 * @param token the token our server named the fork's node with (a replacement of a fork that died before it started
 *     any class of its batch takes the node over with it); null when none
 */
public record ForkResult(
        int number,
        ForkExit exit,
        List<String> lost,
        List<String> unstarted,
        Map<String, List<Map<String, Object>>> carried,
        String token) {
    public ForkResult {
        lost = List.copyOf(lost);
        unstarted = List.copyOf(unstarted);
        carried = Collections.unmodifiableMap(new LinkedHashMap<>(carried));
    }

    /** A fork whose node (or assigned classes) ended, well ({@code failure} null) or not; {@code outcomes} as carried. */
    static ForkResult ended(int number, String failure, Map<String, List<Map<String, Object>>> outcomes) {
        ForkExit exit = failure == null ? new ForkExit.Completed() : new ForkExit.NodeFailed(failure);
        return new ForkResult(number, exit, List.of(), List.of(), outcomes, null);
    }
}
