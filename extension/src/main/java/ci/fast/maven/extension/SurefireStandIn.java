package ci.fast.maven.extension;

import ci.fast.maven.pom.InheritedPlugin;
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
 * Puts fast-ci's goals in place of each of a project's Surefire {@code test} executions and Failsafe
 * {@code integration-test}/{@code verify} executions: the same id, phase, priority and goal names; the replaced
 * execution is unbound ({@code <phase>none</phase>}) but keeps its configuration, which the fast-ci mojo then takes.
 * A project that binds one of those fast-ci goals itself is left as it is for that plugin.
 */
final class SurefireStandIn {
    static final String GOAL = "test";

    /** A plugin fast-ci stands in for, and the goals of it that fast-ci has under the same names. */
    record Replaced(String key, List<String> goals, String label) {}

    static final List<Replaced> REPLACED = List.of(
            new Replaced(SurefireConfiguration.SUREFIRE, List.of(GOAL), ""),
            new Replaced(InheritedPlugin.FAILSAFE.key(), List.of("integration-test", "verify"), "failsafe "));

    /** Maven binds an execution to a phase of that name to none: the usual way to unbind one in a pom. */
    static final String NO_PHASE = "none";

    private final OwnCoordinates self;

    SurefireStandIn(OwnCoordinates self) {
        this.self = self;
    }

    /** Replaces the project's Surefire and Failsafe executions; returns the ids of those it replaced. */
    List<String> replace(MavenProject project) {
        List<String> ids = new ArrayList<>();
        for (Replaced plugin : REPLACED) {
            ids.addAll(replace(project, plugin));
        }
        return ids;
    }

    private List<String> replace(MavenProject project, Replaced replacedPlugin) {
        Build build = project.getBuild();
        Plugin surefire = build == null ? null : find(build, replacedPlugin.key());
        if (surefire == null || binds(find(build, self.key()), replacedPlugin.goals())) {
            return List.of();
        }
        List<PluginExecution> replaced = new ArrayList<>();
        for (PluginExecution execution : surefire.getExecutions()) {
            if (execution.getGoals().stream().anyMatch(replacedPlugin.goals()::contains)
                    && !NO_PHASE.equals(execution.getPhase())) {
                replaced.add(execution);
            }
        }
        if (replaced.isEmpty()) {
            return List.of();
        }
        Plugin fastCi = fastCiPlugin(build);
        List<String> ids = new ArrayList<>();
        for (PluginExecution execution : replaced) {
            PluginExecution standIn = standIn(execution, fastCi, replacedPlugin.goals());
            fastCi.addExecution(standIn);
            execution.setPhase(NO_PHASE);
            StandIns.mark(project, standIn.getId());
            ids.add(replacedPlugin.label() + execution.getId());
        }
        // The model caches its plugin and execution maps, which the lifecycle looks plugins up by.
        fastCi.flushExecutionMap();
        surefire.flushExecutionMap();
        build.flushPluginMap();
        return ids;
    }

    private static PluginExecution standIn(PluginExecution surefire, Plugin fastCi, List<String> goals) {
        PluginExecution execution = new PluginExecution();
        // Surefire's and Failsafe's executions may share an id (two plugins); fast-ci's one plugin may not.
        String id = surefire.getId();
        if (fastCi.getExecutionsAsMap().containsKey(id)) {
            id = "failsafe-" + id;
        }
        execution.setId(id);
        execution.setPhase(surefire.getPhase());
        execution.setPriority(surefire.getPriority());
        surefire.getGoals().stream().filter(goals::contains).forEach(execution::addGoal);
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

    private static boolean binds(Plugin plugin, List<String> goals) {
        if (plugin == null) {
            return false;
        }
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().stream().anyMatch(goals::contains)) {
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
