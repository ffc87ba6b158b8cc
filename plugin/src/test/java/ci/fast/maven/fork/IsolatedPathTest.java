package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsolatedPathTest {
    private static final Path PLUGIN = Path.of("/repo/fast-ci-maven-plugin.jar");

    /** The plugin's artifacts as Maven gives them: the node's libraries and the Maven side's. */
    private static Map<String, Path> pluginArtifacts() {
        Map<String, Path> artifacts = new LinkedHashMap<>();
        for (String name : List.of(
                "org.glassfish.tyrus:tyrus-server",
                "org.glassfish.tyrus:tyrus-client",
                "org.glassfish.tyrus:tyrus-core",
                "jakarta.websocket:jakarta.websocket-api",
                "org.glassfish.tyrus:tyrus-container-grizzly-server",
                "org.glassfish.grizzly:grizzly-framework",
                "org.glassfish.grizzly:grizzly-http-server",
                "io.prometheus:prometheus-metrics-core",
                "io.prometheus:prometheus-metrics-model",
                "io.prometheus:prometheus-metrics-exposition-textformats",
                "org.xerial:sqlite-jdbc",
                "org.codehaus.plexus:plexus-utils")) {
            artifacts.put(name, jar(name));
        }
        for (String name : IsolatedPath.NODE_LIBRARIES) {
            artifacts.put(name, jar(name));
        }
        return artifacts;
    }

    @Test
    void holdsThePluginAndTheNodesLibrariesOnly() {
        List<Path> path = IsolatedPath.select(PLUGIN, pluginArtifacts());

        assertEquals(PLUGIN, path.get(0));
        assertEquals(IsolatedPath.NODE_LIBRARIES.size() + 1, path.size());
        assertTrue(path.contains(jar("org.eclipse.parsson:parsson")));
        assertTrue(path.contains(jar("org.apache.maven.surefire:surefire-api")));
    }

    @Test
    void leavesTheWebSocketLibrariesTheServersAndMavensOut() {
        List<Path> path = IsolatedPath.select(PLUGIN, pluginArtifacts());

        for (Path entry : path) {
            String name = entry.getFileName().toString();
            assertFalse(name.contains("tyrus"), name);
            assertFalse(name.contains("websocket"), name);
            assertFalse(name.contains("grizzly"), name);
            assertFalse(name.contains("prometheus"), name);
            assertFalse(name.contains("sqlite"), name); // the server's store: its driver never reaches a fork
            assertFalse(name.contains("plexus"), name);
        }
    }

    @Test
    void namesALibraryThePluginLacks() {
        Map<String, Path> artifacts = pluginArtifacts();
        artifacts.remove("org.eclipse.parsson:parsson");

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> IsolatedPath.select(PLUGIN, artifacts));

        assertTrue(e.getMessage().contains("org.eclipse.parsson:parsson"), e.getMessage());
    }

    private static Path jar(String name) {
        return Path.of("/repo", name.replace(':', '-') + ".jar");
    }
}
