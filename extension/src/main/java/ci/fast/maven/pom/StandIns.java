package ci.fast.maven.pom;

import org.apache.maven.project.MavenProject;

/**
 * Which of a project's fast-ci executions the core extension put in place of Surefire's. Such an execution takes
 * Surefire's switches too: a module whose pom turns its tests off stays so.
 */
public final class StandIns {
    private static final String KEY = "ci.fast.maven.standIn:";

    private StandIns() {}

    /** Records that the project's fast-ci execution {@code executionId} runs in place of Surefire's. */
    public static void mark(MavenProject project, String executionId) {
        project.setContextValue(KEY + executionId, Boolean.TRUE);
    }

    /** Whether the project's fast-ci execution {@code executionId} runs in place of Surefire's. */
    public static boolean isStandIn(MavenProject project, String executionId) {
        return Boolean.TRUE.equals(project.getContextValue(KEY + executionId));
    }
}
