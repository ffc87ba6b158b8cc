package ci.fast.maven.fork;

import java.util.List;

/**
 * How one fork ended.
 *
 * @param number the fork's number, from 1
 * @param failure null, or the one line saying why the fork's node failed
 * @param lost classes the fork held when it died, each already reported as an error
 */
public record ForkResult(int number, String failure, List<String> lost) {
    public ForkResult {
        lost = List.copyOf(lost);
    }
}
