package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ci.fast.maven.config.RunSettings.AddedDependency;
import java.util.List;
import org.eclipse.aether.artifact.DefaultArtifactType;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.util.artifact.DefaultArtifactTypeRegistry;
import org.junit.jupiter.api.Test;

/** A pom's {@code <dependency>} of additionalClasspathDependencies in the resolver's terms, as Maven's own. */
class AdditionalDependenciesTest {
    private static final DefaultArtifactTypeRegistry TYPES = new DefaultArtifactTypeRegistry()
            .add(new DefaultArtifactType("jar", "jar", "", "java"))
            .add(new DefaultArtifactType("test-jar", "jar", "tests", "java"));

    @Test
    void takesTheExtensionAndClassifierFromTheType() {
        Dependency fixtures = AdditionalDependencies.toDependency(
                new AddedDependency("org.acme", "fixtures", "2.0", "test-jar", null, List.of()), TYPES);

        assertEquals("org.acme:fixtures:jar:tests:2.0", fixtures.getArtifact().toString());
        assertEquals("runtime", fixtures.getScope());
    }

    @Test
    void keepsAnExplicitClassifierAndAnUnknownTypeAsTheExtension() {
        assertEquals(
                "org.acme:native:so:linux:1.0",
                AdditionalDependencies.toDependency(
                                new AddedDependency("org.acme", "native", "1.0", "so", "linux", List.of()), TYPES)
                        .getArtifact()
                        .toString());
    }

    @Test
    void excludesByGroupAndArtifact() {
        Dependency driver = AdditionalDependencies.toDependency(
                new AddedDependency("org.acme", "driver", "1.0", "jar", null, List.of("org.slf4j:*", "log4j:log4j")),
                TYPES);

        assertEquals(
                List.of(new Exclusion("org.slf4j", "*", "*", "*"), new Exclusion("log4j", "log4j", "*", "*")),
                List.copyOf(driver.getExclusions()));
    }
}
