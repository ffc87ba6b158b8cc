package ci.fast.maven.pom;

/**
 * The plugin a fast-ci goal stands in for, whose pom configuration it takes.
 *
 * @param key the plugin's key in a model's plugin map
 * @param name the plugin's name, as in messages
 * @param defaultExecution the execution id whose configuration counts when fast-ci's own id has none; null when the
 *     plugin has no default binding
 * @param goal the plugin's goal fast-ci stands in for
 */
public record InheritedPlugin(String key, String name, String defaultExecution, String goal) {
    /** Surefire, for {@code fast-ci:test}. */
    public static final InheritedPlugin SUREFIRE = new InheritedPlugin(
            "org.apache.maven.plugins:maven-surefire-plugin", "maven-surefire-plugin", "default-test", "test");

    /** Failsafe, for {@code fast-ci:integration-test}: no default binding, so its execution of that goal counts. */
    public static final InheritedPlugin FAILSAFE = new InheritedPlugin(
            "org.apache.maven.plugins:maven-failsafe-plugin", "maven-failsafe-plugin", null, "integration-test");
}
