package ci.fast.maven.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.pom.StandIns;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class SurefireStandInTest {
    private static final OwnCoordinates SELF = new OwnCoordinates("ci.fast", "fast-ci-maven-plugin", "1.2.3");

    private final SurefireStandIn standIn = new SurefireStandIn(SELF);

    @Test
    void eachSurefireTestExecutionBecomesFastCisAtTheSamePhaseAndTheExtensionsVersion() {
        MavenProject project = project();
        Plugin surefire = surefire(project);
        surefire.addExecution(execution("default-test", "test", -1));
        surefire.addExecution(execution("slow-tests", "integration-test", 0));

        assertEquals(List.of("default-test", "slow-tests"), standIn.replace(project));

        Plugin fastCi = project.getBuild().getPluginsAsMap().get("ci.fast:fast-ci-maven-plugin");
        assertEquals("1.2.3", fastCi.getVersion());
        PluginExecution defaultTest = fastCi.getExecutionsAsMap().get("default-test");
        assertEquals("test", defaultTest.getPhase());
        assertEquals(-1, defaultTest.getPriority());
        assertEquals(List.of("test"), defaultTest.getGoals());
        assertEquals(
                "integration-test",
                fastCi.getExecutionsAsMap().get("slow-tests").getPhase());
        // Surefire's executions keep their configuration for the mojo to take, and no longer run.
        surefire.getExecutions().forEach(execution -> assertEquals("none", execution.getPhase()));
        assertTrue(StandIns.isStandIn(project, "default-test"));
        assertTrue(StandIns.isStandIn(project, "slow-tests"));
    }

    @Test
    void aProjectThatBindsFastCisTestItselfIsLeftAsItIs() {
        MavenProject project = project();
        Plugin surefire = surefire(project);
        surefire.addExecution(execution("default-test", "test", 0));
        Plugin fastCi = new Plugin();
        fastCi.setGroupId("ci.fast");
        fastCi.setArtifactId("fast-ci-maven-plugin");
        fastCi.setVersion("0.9");
        fastCi.addExecution(execution("default", null, 0));
        project.getBuild().addPlugin(fastCi);

        assertEquals(List.of(), standIn.replace(project));
        assertEquals("test", surefire.getExecutions().get(0).getPhase());
        assertEquals("0.9", fastCi.getVersion());
        assertFalse(StandIns.isStandIn(project, "default-test"));
    }

    @Test
    void anExecutionThePomUnboundStaysUnbound() {
        MavenProject project = project();
        surefire(project).addExecution(execution("default-test", "none", 0));

        assertEquals(List.of(), standIn.replace(project));
        assertNull(project.getBuild().getPluginsAsMap().get("ci.fast:fast-ci-maven-plugin"));
    }

    @Test
    void aProjectWithoutSurefireGetsNoFastCi() {
        MavenProject project = project();

        assertEquals(List.of(), standIn.replace(project));
        assertTrue(project.getBuild().getPlugins().isEmpty());
    }

    @Test
    void fastCisPluginManagementSettingsComeAlong() {
        MavenProject project = project();
        surefire(project).addExecution(execution("default-test", "test", 0));
        Plugin managed = new Plugin();
        managed.setGroupId("ci.fast");
        managed.setArtifactId("fast-ci-maven-plugin");
        managed.setVersion("0.9");
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom forkCount = new Xpp3Dom("forkCount");
        forkCount.setValue("2");
        configuration.addChild(forkCount);
        managed.setConfiguration(configuration);
        project.getBuild().setPluginManagement(new PluginManagement());
        project.getBuild().getPluginManagement().addPlugin(managed);

        standIn.replace(project);

        Plugin fastCi = project.getBuild().getPluginsAsMap().get("ci.fast:fast-ci-maven-plugin");
        assertEquals("1.2.3", fastCi.getVersion());
        Xpp3Dom executionConfiguration =
                (Xpp3Dom) fastCi.getExecutionsAsMap().get("default-test").getConfiguration();
        assertEquals("2", executionConfiguration.getChild("forkCount").getValue());
    }

    private static MavenProject project() {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId("module");
        model.setVersion("1");
        model.setBuild(new Build());
        return new MavenProject(model);
    }

    private static Plugin surefire(MavenProject project) {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.apache.maven.plugins");
        plugin.setArtifactId("maven-surefire-plugin");
        plugin.setVersion("3.5.4");
        project.getBuild().addPlugin(plugin);
        return plugin;
    }

    private static PluginExecution execution(String id, String phase, int priority) {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.setPhase(phase);
        execution.setPriority(priority);
        execution.addGoal("test");
        return execution;
    }
}
