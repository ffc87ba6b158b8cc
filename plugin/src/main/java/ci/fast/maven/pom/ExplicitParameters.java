package ci.fast.maven.pom;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The parameters a mojo execution's pom sets itself. Maven hands a mojo one configuration child per parameter, the
 * pom's value merged over the descriptor's default (its property expression and {@code default-value}); a child that
 * is still the default was not set.
 */
final class ExplicitParameters {
    private ExplicitParameters() {}

    /** The names of the parameters {@code configuration} sets to something else than {@code descriptor}'s default. */
    static Set<String> of(Xpp3Dom configuration, MojoDescriptor descriptor) {
        Set<String> explicit = new TreeSet<>();
        if (configuration == null) {
            return explicit;
        }
        PlexusConfiguration defaults = descriptor.getMojoConfiguration();
        for (Xpp3Dom child : configuration.getChildren()) {
            PlexusConfiguration fallback = defaults == null ? null : defaults.getChild(child.getName(), false);
            String defaultValue = fallback == null ? null : fallback.getValue();
            if (child.getChildCount() > 0 || !Objects.equals(child.getValue(), defaultValue)) {
                explicit.add(child.getName());
            }
        }
        return explicit;
    }
}
