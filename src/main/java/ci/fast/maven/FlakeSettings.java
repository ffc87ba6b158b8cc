package ci.fast.maven;

import ci.fast.maven.booter.Reruns;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hands {@code rerunFailingTestsCount} to the forks. */
final class FlakeSettings {
    private FlakeSettings() {}

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
