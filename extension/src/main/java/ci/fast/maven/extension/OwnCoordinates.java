package ci.fast.maven.extension;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The plugin's coordinates, written into the extension's jar by the build that makes both: the executions the extension
 * adds must run the plugin at the extension's version, whatever version a pom may name.
 *
 * @param groupId the plugin's group
 * @param artifactId the plugin's artifact
 * @param version the plugin's version, which is this jar's
 */
record OwnCoordinates(String groupId, String artifactId, String version) {
    private static final String RESOURCE = "fast-ci-plugin.properties";

    /** The plugin's coordinates, as the build wrote them into the jar this class was loaded from. */
    static OwnCoordinates load() {
        Properties properties = new Properties();
        try (InputStream in = OwnCoordinates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the fast-ci extension's jar");
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
