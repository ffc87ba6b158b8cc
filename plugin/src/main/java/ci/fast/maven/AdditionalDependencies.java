package ci.fast.maven;

import ci.fast.maven.config.RunSettings.AddedDependency;
import ci.fast.maven.fork.PlatformArtifacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactType;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Surefire's {@code additionalClasspathDependencies}: each dependency resolved with its own (through
 * {@link PlatformArtifacts}, the one resolver the goals use), for the end of the tests' class path. Where two of them
 * bring different versions of one artifact, the first wins, with Surefire's warning.
 */
final class AdditionalDependencies {
    private AdditionalDependencies() {}

    /**
     * @param project the project's own resolved dependencies, whose versions an added one may contradict
     * @param types the session's artifact types, which give a type's extension and classifier
     * @param warnings told of each version conflict, among the resolved artifacts and with the project's
     * @return the jars, in resolution order, each once
     * @throws IllegalArgumentException with the one line the user sees, naming a dependency that cannot be resolved
     */
    static List<Path> resolve(
            List<AddedDependency> wanted,
            PlatformArtifacts resolver,
            Collection<org.apache.maven.artifact.Artifact> project,
            ArtifactTypeRegistry types,
            Consumer<String> warnings) {
        Map<String, Artifact> resolved = new LinkedHashMap<>();
        for (AddedDependency added : wanted) {
            List<Artifact> artifacts;
            try {
                artifacts = resolver.resolveWithDependencies(toDependency(added, types));
            } catch (DependencyResolutionException e) {
                throw new IllegalArgumentException(
                        "additionalClasspathDependencies: " + added + " cannot be resolved (" + firstLine(e)
                                + "): check its coordinates and the project's repositories",
                        e);
            }
            for (Artifact artifact : artifacts) {
                String key = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getExtension()
                        + ":" + artifact.getClassifier();
                Artifact first = resolved.putIfAbsent(key, artifact);
                if (first != null && !first.getVersion().equals(artifact.getVersion())) {
                    warnings.accept("Potential classpath conflict among resolved additionalClasspathDependencies:"
                            + " Found multiple versions of " + key + ": " + first.getVersion() + " and "
                            + artifact.getVersion());
                }
            }
        }
        Map<String, String> projectVersions = new HashMap<>();
        for (org.apache.maven.artifact.Artifact a : project) {
            projectVersions.putIfAbsent(a.getGroupId() + ":" + a.getArtifactId() + ":" + classifier(a), a.getVersion());
        }
        List<Path> jars = new ArrayList<>();
        for (Artifact a : resolved.values()) {
            String version = projectVersions.get(a.getGroupId() + ":" + a.getArtifactId() + ":" + a.getClassifier());
            if (version != null && !version.equals(a.getVersion())) {
                warnings.accept("Potential classpath conflict between project dependency and resolved"
                        + " additionalClasspathDependency: Found multiple versions of " + a.getGroupId() + ":"
                        + a.getArtifactId() + ": " + a.getVersion() + " and " + version);
            }
            jars.add(a.getFile().toPath());
        }
        return jars;
    }

    /** A pom's {@code <dependency>}, in the resolver's terms: its type gives the extension, as Maven's own does. */
    static Dependency toDependency(AddedDependency added, ArtifactTypeRegistry types) {
        ArtifactType type = types == null ? null : types.get(added.type());
        String extension = type == null ? added.type() : type.getExtension();
        String classifier = added.classifier() != null ? added.classifier() : type == null ? "" : type.getClassifier();
        List<Exclusion> exclusions = new ArrayList<>();
        for (String exclusion : added.exclusions()) {
            String[] parts = exclusion.split(":", 2);
            exclusions.add(new Exclusion(parts[0], parts.length > 1 ? parts[1] : "*", "*", "*"));
        }
        DefaultArtifact artifact = new DefaultArtifact(
                added.groupId(),
                added.artifactId(),
                classifier,
                extension,
                added.version(),
                type == null ? Map.of() : type.getProperties(),
                (java.io.File) null);
        return new Dependency(artifact, "runtime", false, exclusions);
    }

    private static String classifier(org.apache.maven.artifact.Artifact artifact) {
        return artifact.getClassifier() == null ? "" : artifact.getClassifier();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
