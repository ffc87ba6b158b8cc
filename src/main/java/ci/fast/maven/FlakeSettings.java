package ci.fast.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/** Checks {@code rerunFailingTestsCount} and {@code failOnFlakeCount}. */
final class FlakeSettings {
    private FlakeSettings() {}

    /** Surefire's checks, with its wording. */
    static void check(int rerunFailingTestsCount, int failOnFlakeCount) throws MojoExecutionException {
        if (rerunFailingTestsCount < 0) {
            throw new MojoExecutionException("Parameter \"rerunFailingTestsCount\" should not be negative, was "
                    + rerunFailingTestsCount + ": set it to 0 (no reruns) or more.");
        }
        if (failOnFlakeCount < 0) {
            throw new MojoExecutionException("Parameter \"failOnFlakeCount\" should not be negative, was "
                    + failOnFlakeCount + ": set it to 0 (off) or more.");
        }
        if (failOnFlakeCount > 0 && rerunFailingTestsCount < 1) {
            throw new MojoExecutionException(
                    "\"failOnFlakeCount\" requires rerunFailingTestsCount to be at least 1: set both, or neither.");
        }
    }

    /**
     * The forks' added environment: the user's. The rerun count no longer travels here but in the fork's settings
     * ({@code ForkOptions.withRerunFailingTestsCount}); the count is kept as a parameter only until the mojo stops
     * passing it.
     */
    static Map<String, String> environment(Map<String, String> user, int rerunFailingTestsCount) {
        return new LinkedHashMap<>(user == null ? Map.of() : user);
    }
}
