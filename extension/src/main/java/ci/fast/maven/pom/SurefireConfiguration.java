package ci.fast.maven.pom;

import java.util.Map;
import java.util.Optional;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginContainer;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Where a project configures maven-surefire-plugin for the execution fast-ci runs as, and that configuration.
 *
 * <p>The project is Maven's effective model: its parent's, its profiles' and its pluginManagement's settings are
 * already merged in, and so is the plugin-level configuration into each execution's.
 *
 * @param where the execution the configuration is Surefire's for, or {@code plugin} for the plugin-level one
 * @param configuration Surefire's {@code <configuration>}; never null
 */
public record SurefireConfiguration(String where, Xpp3Dom configuration) {
    /** Surefire's key in a model's plugin map. */
    public static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";

    /** The execution the lifecycle binds Surefire's {@code test} goal as. */
    public static final String DEFAULT_TEST = "default-test";

    /**
     * Surefire's configuration for the execution with the given id, else for {@code default-test} (the one a pom
     * unbinds with {@code <phase>none</phase>} when it binds fast-ci), else the plugin-level one. Empty when the
     * build configures no Surefire at all.
     */
    public static Optional<SurefireConfiguration> find(Build build, String executionId) {
        return find(build, InheritedPlugin.SUREFIRE, executionId);
    }

    /**
     * The same for any plugin fast-ci stands in for: its execution with the given id, else its default execution
     * (Surefire's {@code default-test}), else its one execution of the stood-in goal (Failsafe's, which has no default
     * binding), else its plugin-level configuration.
     */
    public static Optional<SurefireConfiguration> find(Build build, InheritedPlugin inherited, String executionId) {
        if (build == null) {
            return Optional.empty();
        }
        Plugin surefire = plugin(build, inherited.key());
        if (surefire == null && build.getPluginManagement() != null) {
            surefire = plugin(build.getPluginManagement(), inherited.key());
        }
        if (surefire == null) {
            return Optional.empty();
        }
        Map<String, PluginExecution> executions = surefire.getExecutionsAsMap();
        for (String id : new String[] {executionId, inherited.defaultExecution()}) {
            PluginExecution execution = id == null ? null : executions.get(id);
            if (execution != null && execution.getConfiguration() != null) {
                return Optional.of(new SurefireConfiguration(id, (Xpp3Dom) execution.getConfiguration()));
            }
        }
        for (PluginExecution execution : surefire.getExecutions()) {
            if (execution.getGoals().contains(inherited.goal()) && execution.getConfiguration() != null) {
                return Optional.of(
                        new SurefireConfiguration(execution.getId(), (Xpp3Dom) execution.getConfiguration()));
            }
        }
        if (surefire.getConfiguration() == null) {
            return Optional.empty();
        }
        return Optional.of(new SurefireConfiguration("plugin", (Xpp3Dom) surefire.getConfiguration()));
    }

    private static Plugin plugin(PluginContainer container, String key) {
        for (Plugin plugin : container.getPlugins()) {
            if (key.equals(plugin.getKey())) {
                return plugin;
            }
        }
        return null;
    }
}
