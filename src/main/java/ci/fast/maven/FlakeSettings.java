package ci.fast.maven;

import ci.fast.maven.booter.Reruns;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/** Checks {@code rerunFailingTestsCount} and {@code failOnFlakeCount} and hands the first to the forks. */
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
     * The forks' added environment: the user's, and the rerun count. The environment, not the booter's config file,
     * because the fork package's files are shared by other work; tests may see the variable, which is harmless.
     */
    static Map<String, String> environment(Map<String, String> user, int rerunFailingTestsCount) {
        Map<String, String> environment = new LinkedHashMap<>(user == null ? Map.of() : user);
        if (rerunFailingTestsCount > 0) {
            environment.put(Reruns.ENV, Integer.toString(rerunFailingTestsCount));
        }
        return environment;
    }
}
