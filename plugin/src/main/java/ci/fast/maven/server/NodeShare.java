package ci.fast.maven.server;

import java.util.List;

/**
 * What one CI node ran in one attempt, as the server recorded it: the classes handed to its nodes, and which of them
 * failed there.
 *
 * @param attempt the attempt's build id
 * @param classes every class handed to the node's forks, in the order handed out
 * @param failed the classes among them whose result from the node failed, in the order recorded
 * @param machines how many machines called themselves this node in that attempt; above 1, the share is theirs
 *     together, and no one of them can know its own
 */
public record NodeShare(String attempt, List<String> classes, List<String> failed, int machines) {
    public NodeShare {
        classes = List.copyOf(classes);
        failed = List.copyOf(failed);
    }
}
