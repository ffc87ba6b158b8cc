package ci.fast.maven.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependenciesToScanTest {
    @TempDir
    Path dir;

    @Test
    void selectsByGroupAndArtifactWhateverTheTypeAndClassifier() throws IOException {
        Artifact tests = artifact("com.example", "core", "test-jar", "tests");
        Artifact other = artifact("com.example", "web", "jar", null);

        assertEquals(
                List.of(tests.getFile().toPath()),
                DependenciesToScan.select(List.of(other, tests), List.of("com.example:core")));
    }

    @Test
    void narrowsByTypeAndClassifierAndAcceptsGlobs() throws IOException {
        Artifact main = artifact("com.example", "core", "jar", null);
        Artifact tests = artifact("com.example", "core", "test-jar", "tests");
        List<Artifact> both = List.of(main, tests);

        assertEquals(
                List.of(tests.getFile().toPath()),
                DependenciesToScan.select(both, List.of("com.example:core:test-jar")));
        assertEquals(List.of(tests.getFile().toPath()), DependenciesToScan.select(both, List.of("com.*:*:*:tests")));
        assertEquals(
                List.of(main.getFile().toPath()), DependenciesToScan.select(both, List.of("com.example:core:jar:")));
        assertEquals(List.of(), DependenciesToScan.select(both, List.of("org.example:core")));
    }

    @Test
    void skipsArtifactsWithoutAFile() {
        Artifact unresolved = new DefaultArtifact(
                "com.example", "core", "1.0", "test", "test-jar", "tests", new DefaultArtifactHandler("test-jar"));

        assertTrue(DependenciesToScan.select(List.of(unresolved), List.of("com.example:core"))
                .isEmpty());
    }

    @Test
    void rejectsAPatternWithoutArtifactId() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> DependenciesToScan.select(List.of(), List.of("com.example")));

        assertEquals(
                "dependenciesToScan entry 'com.example' is not groupId:artifactId[:type[:classifier]];"
                        + " write it as com.example:core:test-jar:tests",
                e.getMessage());
    }

    private Artifact artifact(String group, String id, String type, String classifier) throws IOException {
        Artifact artifact =
                new DefaultArtifact(group, id, "1.0", "test", type, classifier, new DefaultArtifactHandler(type));
        Path file = dir.resolve(id + "-" + type + (classifier == null ? "" : "-" + classifier) + ".jar");
        Files.createFile(file);
        artifact.setFile(file.toFile());
        return artifact;
    }
}
