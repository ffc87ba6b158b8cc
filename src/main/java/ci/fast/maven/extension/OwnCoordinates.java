package ci.fast.maven.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This artifact's own coordinates, written into the jar by the build: the executions the extension adds must run the
 * plugin at the extension's version, whatever version a pom may name.
 *
 * @param groupId this plugin's group
 * @param artifactId this plugin's artifact
 * @param version the version of this jar
 */
record OwnCoordinates(String groupId, String artifactId, String version) {
    private static final String RESOURCE = "fast-ci-plugin.properties";

    /** The coordinates of the jar this class was loaded from. */
    static OwnCoordinates load() {
        Properties properties = new Properties();
        try (InputStream in = OwnCoordinates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the fast-ci jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OwnCoordinates(
                properties.getProperty("groupId"),
                properties.getProperty("artifactId"),
                properties.getProperty("version"));
    }

    /** The key of the plugin in a model's plugin map. */
    String key() {
        return groupId + ":" + artifactId;
    }
}
