package ci.fast.maven.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import javax.inject.Named;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class FastCiParticipantTest {
    @Test
    void replacesSurefireInEveryModule() {
        MavenProject a = project("a");
        MavenProject b = project("b");

        new FastCiParticipant().afterProjectsRead(session(new Properties(), a, b));

        assertNotNull(fastCi(a));
        assertNotNull(fastCi(b));
    }

    @Test
    void fastCiEnabledFalseLeavesTheBuildToSurefire() {
        MavenProject a = project("a");
        Properties user = new Properties();
        user.setProperty("fastCi.enabled", "false");

        new FastCiParticipant().afterProjectsRead(session(user, a));

        assertNull(fastCi(a));
    }

    @Test
    void aModuleCanKeepSurefireThroughItsProperties() {
        MavenProject a = project("a");
        MavenProject b = project("b");
        b.getProperties().setProperty("fastCi.enabled", "false");

        new FastCiParticipant().afterProjectsRead(session(new Properties(), a, b));

        assertNotNull(fastCi(a));
        assertNull(fastCi(b));
    }

    @Test
    void bindsThePluginAtTheVersionOfThisBuild() {
        OwnCoordinates self = OwnCoordinates.load();

        assertEquals("ci.fast:fast-ci-maven-plugin", self.key());
        assertTrue(self.version().matches("\\d+\\.\\d+.*"), self.version());
    }

    @Test
    void mavensIndexNamesTheParticipant() throws IOException {
        String index;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sisu/javax.inject.Named")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertTrue(index.lines().toList().contains(FastCiParticipant.class.getName()));
        assertNotNull(FastCiParticipant.class.getAnnotation(Named.class));
        assertTrue(AbstractMavenLifecycleParticipant.class.isAssignableFrom(FastCiParticipant.class));
    }

    private static Plugin fastCi(MavenProject project) {
        return project.getBuild().getPluginsAsMap().get("ci.fast:fast-ci-maven-plugin");
    }

    @SuppressWarnings("deprecation")
    private static MavenSession session(Properties user, MavenProject... projects) {
        MavenExecutionRequest request = new DefaultMavenExecutionRequest();
        request.setUserProperties(user);
        request.setSystemProperties(new Properties());
        MavenSession session = new MavenSession(null, null, request, new DefaultMavenExecutionResult());
        session.setProjects(List.of(projects));
        return session;
    }

    private static MavenProject project(String artifactId) {
        Model model = new Model();
        model.setGroupId("com.example");
        model.setArtifactId(artifactId);
        model.setVersion("1");
        model.setBuild(new Build());
        Plugin surefire = new Plugin();
        surefire.setGroupId("org.apache.maven.plugins");
        surefire.setArtifactId("maven-surefire-plugin");
        PluginExecution execution = new PluginExecution();
        execution.setId("default-test");
        execution.setPhase("test");
        execution.addGoal("test");
        surefire.addExecution(execution);
        model.getBuild().addPlugin(surefire);
        return new MavenProject(model);
    }
}
