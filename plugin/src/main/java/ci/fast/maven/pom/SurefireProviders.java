package ci.fast.maven.pom;

import ci.fast.maven.config.VersionNumber;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

/**
 * Whether the project's Surefire (or Failsafe) still has its JUnit 4, JUnit 3 and TestNG providers, whose reports
 * fast-ci follows for such projects: up to 3.5, it does; from 3.6 every framework runs through its JUnit Platform
 * provider (JUnit 4 through Vintage, TestNG through the TestNG engine), and suite files are no longer read. And which
 * version of its JUnit Platform provider runs the tests, whose reports' shape changed between releases.
 */
public final class SurefireProviders {
    private static final String PLATFORM_PROVIDER = "surefire-junit-platform";

    private SurefireProviders() {}

    /**
     * Whether the plugin of {@code pluginKey} in the project's build, at its version, has those providers; a build
     * that names no version of it counts as the newest, as issue 12 asks.
     */
    public static boolean hasFrameworkProviders(MavenProject project, String pluginKey) {
        Plugin plugin = plugin(project, pluginKey);
        return hasFrameworkProviders(plugin == null ? null : plugin.getVersion());
    }

    /**
     * The version of the JUnit Platform provider the plugin of {@code pluginKey} runs the tests with: a
     * {@code surefire-junit-platform} among the plugin's dependencies (which Surefire then takes instead of its own,
     * as easymock's pom does), else the plugin's version; null when the build names neither (the newest).
     */
    public static String platformProviderVersion(MavenProject project, String pluginKey) {
        Plugin plugin = plugin(project, pluginKey);
        if (plugin == null) {
            return null;
        }
        return plugin.getDependencies().stream()
                .filter(d -> "org.apache.maven.surefire".equals(d.getGroupId())
                        && PLATFORM_PROVIDER.equals(d.getArtifactId())
                        && d.getVersion() != null)
                .map(Dependency::getVersion)
                .findFirst()
                .orElse(plugin.getVersion());
    }

    /** The version of the plugin of {@code pluginKey} in the project's build; null when it names none (the newest). */
    public static String pluginVersion(MavenProject project, String pluginKey) {
        Plugin plugin = plugin(project, pluginKey);
        return plugin == null ? null : plugin.getVersion();
    }

    private static Plugin plugin(MavenProject project, String pluginKey) {
        return project.getBuild() == null
                ? null
                : project.getBuild().getPluginsAsMap().get(pluginKey);
    }

    /** Whether Surefire or Failsafe at {@code version} has them: before 3.6; null (unknown) counts as the newest. */
    static boolean hasFrameworkProviders(String version) {
        return VersionNumber.below(version, 3, 6);
    }
}
