package ci.fast.maven.fork;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;

/**
 * The class path of a fork's isolated networking loader: the plugin's jar and the libraries the fork's node runs,
 * found by name among the plugin's artifacts, as JaCoCo finds its agent jar. Nothing else of the plugin's
 * dependencies reaches a test JVM: the embedded server's web stack (Tyrus server, Grizzly) and the Maven-side
 * libraries (plexus-utils) would only slow the fork's start and widen what a test could see.
 */
public final class IsolatedPath {
    /**
     * What the isolated loaders load, by {@code groupId:artifactId}: JSON (Parsson, created directly), and Surefire's
     * method-pattern matcher with the shared utilities it calls, for the launcher's filters. The WebSocket client is
     * the plugin's own, on the JDK's sockets: a WebSocket library took a quarter of a fork's start to load.
     */
    static final List<String> NODE_LIBRARIES = List.of(
            "jakarta.json:jakarta.json-api",
            "org.eclipse.parsson:parsson",
            "org.apache.maven.surefire:surefire-api",
            "org.apache.maven.surefire:surefire-shared-utils");

    private IsolatedPath() {}

    /**
     * The isolated class path: {@code pluginJar} first, then each of {@link #NODE_LIBRARIES}.
     *
     * @param artifacts the plugin's artifacts, each file by its {@code groupId:artifactId}
     * @throws IllegalArgumentException naming a library the plugin's artifacts lack
     */
    public static List<Path> select(Path pluginJar, Map<String, Path> artifacts) {
        List<Path> path = new ArrayList<>();
        path.add(pluginJar);
        for (String name : NODE_LIBRARIES) {
            Path file = artifacts.get(name);
            if (file == null) {
                throw new IllegalArgumentException(
                        "the fast-ci plugin's dependencies lack " + name + ": its installation is broken");
            }
            path.add(file);
        }
        return path;
    }

    /** Maven's artifacts as {@link #select} takes them. */
    public static Map<String, Path> byName(Collection<Artifact> artifacts) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Artifact artifact : artifacts) {
            if (artifact.getFile() != null) {
                files.putIfAbsent(
                        artifact.getGroupId() + ":" + artifact.getArtifactId(),
                        artifact.getFile().toPath());
            }
        }
        return files;
    }
}
