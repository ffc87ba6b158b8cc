package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

/** Which of Surefire's providers a project's test dependencies choose, as far as its reports differ. */
class PlatformArtifactsProviderTest {
    @Test
    void junitAloneIsRunByTheJUnit4Provider() {
        assertTrue(PlatformArtifacts.surefireRunsJUnit4Provider(List.of(artifact("junit", "junit", "4.13.2"))));
        assertTrue(PlatformArtifacts.surefireRunsJUnit4Provider(List.of(artifact("junit", "junit", "3.8.2"))));
    }

    @Test
    void junitWithThePlatformIsRunByThePlatformProvider() {
        assertFalse(PlatformArtifacts.surefireRunsJUnit4Provider(List.of(
                artifact("junit", "junit", "4.13.2"),
                artifact("org.junit.vintage", "junit-vintage-engine", "5.14.1"),
                artifact("org.junit.platform", "junit-platform-commons", "1.14.1"),
                artifact("org.junit.platform", "junit-platform-engine", "1.14.1"))));
    }

    @Test
    void junitWithTestNgIsRunByTheTestNgProvider() {
        assertFalse(PlatformArtifacts.surefireRunsJUnit4Provider(
                List.of(artifact("junit", "junit", "4.13.2"), artifact("org.testng", "testng", "7.10.2"))));
    }

    @Test
    void junitBelowFourAloneIsRunByTheJUnit3ProviderWithItsOwnJar() {
        assertTrue(PlatformArtifacts.surefireRunsJUnit3Provider(List.of(artifact("junit", "junit", "3.8.2"))));
        assertTrue(PlatformArtifacts.surefireRunsJUnit3Provider(List.of(artifact("junit", "junit", "3.8.1"))));
        assertFalse(PlatformArtifacts.surefireRunsJUnit3Provider(List.of(artifact("junit", "junit", "4.0"))));
        assertFalse(PlatformArtifacts.surefireRunsJUnit3Provider(List.of(artifact("junit", "junit", "4.13.2"))));
        assertFalse(PlatformArtifacts.surefireRunsJUnit3Provider(List.of(
                artifact("junit", "junit", "3.8.2"),
                artifact("org.junit.platform", "junit-platform-engine", "1.14.1"))));
    }

    @Test
    void noJUnitIsNoJUnit4Provider() {
        assertFalse(PlatformArtifacts.surefireRunsJUnit4Provider(List.of(artifact("org.testng", "testng", "7.10.2"))));
    }

    private static Artifact artifact(String groupId, String artifactId, String version) {
        return new DefaultArtifact(
                groupId, artifactId, version, "test", "jar", null, new DefaultArtifactHandler("jar"));
    }
}
