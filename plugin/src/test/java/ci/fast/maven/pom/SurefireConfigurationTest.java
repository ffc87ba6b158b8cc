package ci.fast.maven.pom;

import static ci.fast.maven.pom.Descriptors.configuration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.junit.jupiter.api.Test;

class SurefireConfigurationTest {
    @Test
    void theExecutionOfTheSameIdFirst() {
        Plugin surefire = surefire();
        surefire.addExecution(execution("default-test", "from-default-test"));
        surefire.addExecution(execution("slow", "from-slow"));

        SurefireConfiguration found =
                SurefireConfiguration.find(build(surefire), "slow").orElseThrow();

        assertEquals("slow", found.where());
        assertEquals("from-slow", found.configuration().getChild("argLine").getValue());
    }

    @Test
    void elseDefaultTestTheExecutionAPomUnbindsWhenItBindsFastCi() {
        Plugin surefire = surefire();
        surefire.addExecution(execution("default-test", "from-default-test"));

        SurefireConfiguration found =
                SurefireConfiguration.find(build(surefire), "default").orElseThrow();

        assertEquals("default-test", found.where());
        assertEquals(
                "from-default-test", found.configuration().getChild("argLine").getValue());
    }

    @Test
    void elseThePluginLevelOneAndThePluginManagementsWhenNoPluginIsBound() {
        Plugin managed = surefire();
        managed.setConfiguration(configuration("argLine", "managed"));
        Build build = new Build();
        build.setPluginManagement(new PluginManagement());
        build.getPluginManagement().addPlugin(managed);

        SurefireConfiguration found =
                SurefireConfiguration.find(build, "default-cli").orElseThrow();

        assertEquals("plugin", found.where());
        assertEquals("managed", found.configuration().getChild("argLine").getValue());
    }

    @Test
    void nothingWhenTheBuildHasNoSurefireConfiguration() {
        assertTrue(SurefireConfiguration.find(new Build(), "default").isEmpty());
        assertTrue(SurefireConfiguration.find(build(surefire()), "default").isEmpty());
        assertTrue(SurefireConfiguration.find(null, "default").isEmpty());
    }

    private static Plugin surefire() {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-surefire-plugin");
        return plugin;
    }

    private static PluginExecution execution(String id, String argLine) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.addGoal("test");
        execution.setConfiguration(configuration("argLine", argLine));
        return execution;
    }

    private static Build build(Plugin plugin) {
        Build build = new Build();
        build.addPlugin(plugin);
        return build;
    }
}
