package ci.fast.maven.pom;

import ci.fast.maven.config.VersionNumber;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;

/**
 * Whether the project's Surefire (or Failsafe) still has its JUnit 4, JUnit 3 and TestNG providers, whose reports
 * fast-ci follows for such projects: up to 3.5, it does; from 3.6 every framework runs through its JUnit Platform
 * provider (JUnit 4 through Vintage, TestNG through the TestNG engine), and suite files are no longer read.
 */
public final class SurefireProviders {
    private SurefireProviders() {}

    /**
     * Whether the plugin of {@code pluginKey} in the project's build, at its version, has those providers; a build
     * that names no version of it counts as the newest, as issue 12 asks.
     */
    public static boolean hasFrameworkProviders(MavenProject project, String pluginKey) {
        Plugin plugin = project.getBuild() == null
                ? null
                : project.getBuild().getPluginsAsMap().get(pluginKey);
        return hasFrameworkProviders(plugin == null ? null : plugin.getVersion());
    }

    /** Whether Surefire or Failsafe at {@code version} has them: before 3.6; null (unknown) counts as the newest. */
    static boolean hasFrameworkProviders(String version) {
        return VersionNumber.below(version, 3, 6);
    }
}
