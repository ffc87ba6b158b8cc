package ci.fast.maven.run;

import ci.fast.maven.fork.ForkOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything one module's run needs, fixed before it starts.
 *
 * @param classes the discovered test classes, fully qualified
 * @param forkCount how many forks (nodes) to start, at least 1
 * @param forks how to start each fork
 * @param runKey the suite within the build, such as {@code junit-billing}
 * @param reportsDirectory where TEST-*.xml and *.txt go
 */
public record RunPlan(List<String> classes, int forkCount, ForkOptions forks, String runKey, Path reportsDirectory) {
    public RunPlan {
        classes = List.copyOf(classes);
        if (forkCount < 1) {
            throw new IllegalArgumentException("forkCount must be at least 1, was " + forkCount);
        }
    }

    /** The same plan for other classes (a fallback's share). */
    public RunPlan withClasses(List<String> share) {
        return new RunPlan(share, forkCount, forks, runKey, reportsDirectory);
    }
}
