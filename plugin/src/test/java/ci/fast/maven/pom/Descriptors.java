package ci.fast.maven.pom;

import org.apache.maven.plugin.descriptor.DuplicateParameterException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/** Mojo descriptors and configurations as Maven builds them from a plugin.xml and a pom. */
final class Descriptors {
    private final MojoDescriptor descriptor = new MojoDescriptor();
    private final DefaultPlexusConfiguration defaults = new DefaultPlexusConfiguration("configuration");

    Descriptors() {
        descriptor.setMojoConfiguration(defaults);
    }

    /** A parameter as plugin.xml declares it: its property expression is its default configuration. */
    Descriptors parameter(String name, String expression) {
        return add(name, null, true, expression);
    }

    Descriptors alias(String name, String alias) {
        return add(name, alias, true, null);
    }

    Descriptors readonly(String name, String expression) {
        return add(name, null, false, expression);
    }

    private Descriptors add(String name, String alias, boolean editable, String expression) {
        Parameter parameter = new Parameter();
        parameter.setName(name);
        parameter.setAlias(alias);
        parameter.setEditable(editable);
        parameter.setType("java.lang.String");
        try {
            descriptor.addParameter(parameter);
        } catch (DuplicateParameterException e) {
            throw new IllegalArgumentException(e);
        }
        DefaultPlexusConfiguration child = new DefaultPlexusConfiguration(name, expression);
        defaults.addChild(child);
        return this;
    }

    MojoDescriptor build() {
        return descriptor;
    }

    /** A {@code <configuration>} with one child per name and value; a value of null makes an empty element. */
    static Xpp3Dom configuration(String... namesAndValues) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Xpp3Dom child = new Xpp3Dom(namesAndValues[i]);
            child.setValue(namesAndValues[i + 1]);
            configuration.addChild(child);
        }
        return configuration;
    }

    /** A list parameter's element, such as {@code <includes><include>…</include></includes>}. */
    static Xpp3Dom list(String name, String itemName, String... items) {
        Xpp3Dom list = new Xpp3Dom(name);
        for (String item : items) {
            Xpp3Dom child = new Xpp3Dom(itemName);
            child.setValue(item);
            list.addChild(child);
        }
        return list;
    }
}
