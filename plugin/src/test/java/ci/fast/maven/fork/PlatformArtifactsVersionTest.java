package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which JUnit the Vintage engine cannot run, so that the forks run it with JUnit 4 instead. */
class PlatformArtifactsVersionTest {
    @Test
    void junitOlderThan412IsRunWithJUnit4() {
        assertTrue(PlatformArtifacts.isJUnit3("3.8.2"));
        assertTrue(PlatformArtifacts.isJUnit3("3.8.1"));
        assertTrue(PlatformArtifacts.isJUnit3("4.11"));
        assertFalse(PlatformArtifacts.isJUnit3("4.12"));
        assertFalse(PlatformArtifacts.isJUnit3("4.13.2"));
        assertFalse(PlatformArtifacts.isJUnit3("4.13-beta-1"));
        assertFalse(PlatformArtifacts.isJUnit3(null));
        assertFalse(PlatformArtifacts.isJUnit3("snapshot"));
    }
}
