package ci.fast.maven.extension;

import ci.fast.maven.pom.StandIns;
import ci.fast.maven.pom.SurefireConfiguration;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginContainer;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Puts fast-ci's {@code test} goal in place of each of a project's Surefire {@code test} executions: the same id, the
 * same phase and priority; Surefire's execution is unbound ({@code <phase>none</phase>}) but keeps its configuration,
 * which the fast-ci mojo then takes. A project that binds fast-ci's {@code test} itself is left as it is.
 */
final class SurefireStandIn {
    static final String GOAL = "test";

    /** Maven binds an execution to a phase of that name to none: the usual way to unbind one in a pom. */
    static final String NO_PHASE = "none";

    private final OwnCoordinates self;

    SurefireStandIn(OwnCoordinates self) {
        this.self = self;
    }

    /** Replaces the project's Surefire {@code test} executions; returns the ids of those it replaced. */
    List<String> replace(MavenProject project) {
        Build build = project.getBuild();
        Plugin surefire = build == null ? null : find(build, SurefireConfiguration.SUREFIRE);
        if (surefire == null || bindsTest(find(build, self.key()))) {
            return List.of();
        }
        List<PluginExecution> replaced = new ArrayList<>();
        for (PluginExecution execution : surefire.getExecutions()) {
            if (execution.getGoals().contains(GOAL) && !NO_PHASE.equals(execution.getPhase())) {
                replaced.add(execution);
            }
        }
        if (replaced.isEmpty()) {
            return List.of();
        }
        Plugin fastCi = fastCiPlugin(build);
        List<String> ids = new ArrayList<>();
        for (PluginExecution execution : replaced) {
            fastCi.addExecution(standIn(execution, fastCi));
            execution.setPhase(NO_PHASE);
            StandIns.mark(project, execution.getId());
            ids.add(execution.getId());
        }
        // The model caches its plugin and execution maps, which the lifecycle looks plugins up by.
        fastCi.flushExecutionMap();
        surefire.flushExecutionMap();
        build.flushPluginMap();
        return ids;
    }

    private static PluginExecution standIn(PluginExecution surefire, Plugin fastCi) {
        PluginExecution execution = new PluginExecution();
        execution.setId(surefire.getId());
        execution.setPhase(surefire.getPhase());
        execution.setPriority(surefire.getPriority());
        execution.addGoal(GOAL);
        // Maven merges a plugin's configuration into each of its executions' when it builds the model; this
        // execution comes after, so it gets it here.
        if (fastCi.getConfiguration() != null) {
            execution.setConfiguration(new Xpp3Dom((Xpp3Dom) fastCi.getConfiguration()));
        }
        return execution;
    }

    /** The project's fast-ci plugin at this extension's version, added with its pluginManagement's settings. */
    private Plugin fastCiPlugin(Build build) {
        Plugin plugin = find(build, self.key());
        if (plugin == null) {
            plugin = new Plugin();
            plugin.setGroupId(self.groupId());
            plugin.setArtifactId(self.artifactId());
            Plugin managed = build.getPluginManagement() == null ? null : find(build.getPluginManagement(), self.key());
            if (managed != null) {
                if (managed.getConfiguration() != null) {
                    plugin.setConfiguration(new Xpp3Dom((Xpp3Dom) managed.getConfiguration()));
                }
                managed.getDependencies().forEach(plugin::addDependency);
            }
            build.addPlugin(plugin);
        }
        plugin.setVersion(self.version());
        return plugin;
    }

    private static boolean bindsTest(Plugin plugin) {
        if (plugin == null) {
            return false;
        }
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains(GOAL)) {
                return true;
            }
        }
        return false;
    }

    private static Plugin find(PluginContainer container, String key) {
        for (Plugin plugin : container.getPlugins()) {
            if (key.equals(plugin.getKey())) {
                return plugin;
            }
        }
        return null;
    }
}
