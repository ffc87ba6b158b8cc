package ci.fast.maven.pom;

import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Sets a mojo's fields from a configuration as Maven does before {@code execute()}: with its component configurator,
 * expressions evaluated by the given evaluator, types converted as for a pom's {@code <configuration>}.
 */
final class ConfigurationApplier {
    private final ComponentConfigurator configurator;
    private final ExpressionEvaluator evaluator;
    private final ClassRealm realm;

    ConfigurationApplier(ComponentConfigurator configurator, ExpressionEvaluator evaluator, ClassRealm realm) {
        this.configurator = configurator;
        this.evaluator = evaluator;
        this.realm = realm;
    }

    /** Sets {@code mojo}'s fields named by {@code configuration}'s children. */
    void apply(Object mojo, Xpp3Dom configuration) throws ComponentConfigurationException {
        configurator.configureComponent(mojo, plexus(configuration), evaluator, realm);
    }

    /*
     * Built by hand rather than with XmlPlexusConfiguration, whose constructor from an Xpp3Dom Maven 4 no longer
     * has: these types are the same in both.
     */
    private static PlexusConfiguration plexus(Xpp3Dom dom) {
        DefaultPlexusConfiguration configuration = new DefaultPlexusConfiguration(dom.getName(), dom.getValue());
        for (String attribute : dom.getAttributeNames()) {
            configuration.setAttribute(attribute, dom.getAttribute(attribute));
        }
        for (Xpp3Dom child : dom.getChildren()) {
            configuration.addChild(plexus(child));
        }
        return configuration;
    }
}
