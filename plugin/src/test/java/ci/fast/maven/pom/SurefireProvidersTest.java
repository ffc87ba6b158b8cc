package ci.fast.maven.pom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** Which Surefire versions still run JUnit 4 and TestNG with providers of their own. */
class SurefireProvidersTest {
    @Test
    void surefireBefore36HasTheJUnit4AndTestNgProviders() {
        assertTrue(SurefireProviders.hasFrameworkProviders("2.21.0"));
        assertTrue(SurefireProviders.hasFrameworkProviders("3.0.0-M5"));
        assertTrue(SurefireProviders.hasFrameworkProviders("3.5.4"));
    }

    @Test
    void surefire36AndUnknownVersionsRunEverythingThroughThePlatform() {
        assertFalse(SurefireProviders.hasFrameworkProviders("3.6.0-M1"));
        assertFalse(SurefireProviders.hasFrameworkProviders("3.6.0"));
        assertFalse(SurefireProviders.hasFrameworkProviders("4.0.0"));
        assertFalse(SurefireProviders.hasFrameworkProviders(null));
        assertFalse(SurefireProviders.hasFrameworkProviders("LATEST"));
    }

    @Test
    void readsThePluginVersionOfTheProjectsBuild() {
        MavenProject project = new MavenProject();
        project.setBuild(new Build());
        Plugin surefire = new Plugin();
        surefire.setArtifactId("maven-surefire-plugin");
        surefire.setVersion("3.5.2");
        project.getBuild().addPlugin(surefire);

        assertTrue(SurefireProviders.hasFrameworkProviders(project, InheritedPlugin.SUREFIRE.key()));
        assertFalse(SurefireProviders.hasFrameworkProviders(project, InheritedPlugin.FAILSAFE.key()));
    }

    @Test
    void aSurefireJUnitPlatformPluginDependencyIsTheProviderVersion() {
        MavenProject project = new MavenProject();
        project.setBuild(new Build());
        Plugin surefire = new Plugin();
        surefire.setArtifactId("maven-surefire-plugin");
        surefire.setVersion("3.5.4");
        Dependency provider = new Dependency();
        provider.setGroupId("org.apache.maven.surefire");
        provider.setArtifactId("surefire-junit-platform");
        provider.setVersion("3.5.3");
        Dependency other = new Dependency();
        other.setGroupId("org.example");
        other.setArtifactId("surefire-junit-platform");
        other.setVersion("9.9");
        surefire.setDependencies(List.of(other, provider));
        project.getBuild().addPlugin(surefire);

        assertEquals("3.5.3", SurefireProviders.platformProviderVersion(project, InheritedPlugin.SUREFIRE.key()));
        assertEquals("3.5.4", SurefireProviders.pluginVersion(project, InheritedPlugin.SUREFIRE.key()));
    }

    @Test
    void withoutSuchADependencyThePluginVersionAndWithoutThePluginNone() {
        MavenProject project = new MavenProject();
        project.setBuild(new Build());
        Plugin surefire = new Plugin();
        surefire.setArtifactId("maven-surefire-plugin");
        surefire.setVersion("3.6.0");
        project.getBuild().addPlugin(surefire);

        assertEquals("3.6.0", SurefireProviders.platformProviderVersion(project, InheritedPlugin.SUREFIRE.key()));
        assertNull(SurefireProviders.platformProviderVersion(project, InheritedPlugin.FAILSAFE.key()));
        assertNull(SurefireProviders.pluginVersion(project, InheritedPlugin.FAILSAFE.key()));
    }
}
