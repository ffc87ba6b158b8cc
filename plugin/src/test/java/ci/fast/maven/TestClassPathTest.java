package ci.fast.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ci.fast.maven.config.RunSettings.ClassPathChanges;
import ci.fast.maven.config.SettingsException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;

class TestClassPathTest {
    private static final Path TESTS = Path.of("/p/target/test-classes");
    private static final Path MAIN = Path.of("/p/target/classes");
    private static final Path BASEDIR = Path.of("/p");

    private static Artifact artifact(String groupId, String artifactId, String scope) {
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true); // as Maven's own handler for jars
        DefaultArtifact artifact = new DefaultArtifact(groupId, artifactId, "1.0", scope, "jar", null, jar);
        artifact.setFile(new File("/repo/" + artifactId + ".jar"));
        return artifact;
    }

    private static final List<Artifact> ARTIFACTS = List.of(
            artifact("org.acme", "core", "compile"),
            artifact("org.acme", "servlet-api", "provided"),
            artifact("org.acme", "driver", "runtime"),
            artifact("org.junit", "junit", "test"));

    private static List<String> names(List<Path> path) {
        return path.stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void testClassesThenMainClassesThenDependenciesThenElementsThenAddedDependencies() {
        List<Path> path = TestClassPath.assemble(
                TESTS,
                MAIN,
                ARTIFACTS,
                new ClassPathChanges(
                        null, List.of("extra", "/abs/one.jar,/abs/two.jar"), List.of(), null, List.of(), true),
                List.of(Path.of("/repo/added.jar"), Path.of("/repo/added-dependency.jar")),
                BASEDIR);

        assertEquals(TESTS, path.get(0));
        assertEquals(MAIN, path.get(1));
        assertEquals(
                List.of(
                        "test-classes",
                        "classes",
                        "core.jar",
                        "servlet-api.jar",
                        "driver.jar",
                        "junit.jar",
                        "extra",
                        "one.jar",
                        "two.jar",
                        "added.jar",
                        "added-dependency.jar"),
                names(path));
        assertEquals(BASEDIR.resolve("extra"), path.get(6));
    }

    @Test
    void excludesDependenciesByGroupAndArtifactOrWholeGroups() {
        List<Path> one = TestClassPath.assemble(
                TESTS,
                MAIN,
                ARTIFACTS,
                new ClassPathChanges(null, List.of(), List.of("org.acme:driver"), null, List.of(), true),
                List.of(),
                BASEDIR);
        List<Path> group = TestClassPath.assemble(
                TESTS,
                MAIN,
                ARTIFACTS,
                new ClassPathChanges(null, List.of(), List.of("org.acme:*"), null, List.of(), true),
                List.of(),
                BASEDIR);

        assertEquals(List.of("test-classes", "classes", "core.jar", "servlet-api.jar", "junit.jar"), names(one));
        assertEquals(List.of("test-classes", "classes", "junit.jar"), names(group));
    }

    @Test
    void excludesScopesAsSurefireDoes() {
        assertEquals(
                List.of("test-classes", "classes", "driver.jar", "junit.jar"),
                names(TestClassPath.assemble(
                        TESTS,
                        MAIN,
                        ARTIFACTS,
                        new ClassPathChanges(null, List.of(), List.of(), "compile", List.of(), true),
                        List.of(),
                        BASEDIR)));
        assertEquals(
                List.of("test-classes", "classes", "servlet-api.jar", "junit.jar"),
                names(TestClassPath.assemble(
                        TESTS,
                        MAIN,
                        ARTIFACTS,
                        new ClassPathChanges(null, List.of(), List.of(), "runtime", List.of(), true),
                        List.of(),
                        BASEDIR)));
        assertThrows(
                SettingsException.class,
                () -> TestClassPath.assemble(
                        TESTS,
                        MAIN,
                        ARTIFACTS,
                        new ClassPathChanges(null, List.of(), List.of(), "everything", List.of(), true),
                        List.of(),
                        BASEDIR));
    }

    @Test
    void classesDirectoryReplacesTheMainClasses() {
        Path other = Path.of("/p/target/woven-classes");

        List<Path> path = TestClassPath.assemble(
                TESTS,
                MAIN,
                List.of(),
                new ClassPathChanges(other, List.of(), List.of(), null, List.of(), true),
                List.of(),
                BASEDIR);

        assertEquals(List.of(TESTS, other), path);
    }
}
