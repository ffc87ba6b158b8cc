package ci.fast.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * One of Surefire's reporter extensions as a pom configures it ({@code statelessTestsetReporter},
 * {@code consoleOutputReporter}, {@code statelessTestsetInfoReporter}): its {@code implementation} and the options
 * Surefire sets on it by their names, such as {@code <disable>true</disable>} or
 * {@code <usePhrasedFileName>true</usePhrasedFileName>}. fast-ci writes what Surefire's own reporters write; these
 * options say how.
 *
 * @param implementation the {@code implementation} attribute, e.g.
 *     {@code org.apache.maven.plugin.surefire.extensions.junit5.JUnit5Xml30StatelessReporter}; null for Surefire's
 *     default reporter
 * @param options each option's value, stripped, by name
 */
record SurefireReporter(String implementation, Map<String, String> options) {
    /** A reporter the pom does not configure: Surefire's default, on. */
    static final SurefireReporter DEFAULT = new SurefireReporter(null, Map.of());

    SurefireReporter {
        options = Map.copyOf(options);
    }

    /** The reporter {@code configuration} describes; {@link #DEFAULT} for none. */
    static SurefireReporter of(PlexusConfiguration configuration) {
        if (configuration == null) {
            return DEFAULT;
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (PlexusConfiguration child : configuration.getChildren()) {
            String value = child.getValue(null);
            options.put(child.getName(), value == null ? "" : value.strip());
        }
        String implementation = configuration.getAttribute("implementation", null);
        return new SurefireReporter(implementation, options);
    }

    /**
     * {@code configuration} with its options' expressions evaluated, as Maven evaluates them when it sets Surefire's
     * reporter object; Maven hands a {@link PlexusConfiguration} over as written. Null for null.
     *
     * @throws IllegalArgumentException naming the option whose expression cannot be evaluated
     */
    static PlexusConfiguration evaluated(PlexusConfiguration configuration, ExpressionEvaluator evaluator) {
        if (configuration == null) {
            return null;
        }
        DefaultPlexusConfiguration copy = new DefaultPlexusConfiguration(configuration.getName());
        for (String attribute : configuration.getAttributeNames()) {
            copy.setAttribute(attribute, configuration.getAttribute(attribute, null));
        }
        for (PlexusConfiguration child : configuration.getChildren()) {
            String value = child.getValue(null);
            try {
                Object evaluated = value == null ? null : evaluator.evaluate(value);
                copy.addChild(child.getName(), evaluated == null ? null : evaluated.toString());
            } catch (ExpressionEvaluationException e) {
                throw new IllegalArgumentException(
                        configuration.getName() + " " + child.getName() + ": cannot evaluate " + value, e);
            }
        }
        return copy;
    }

    /** Surefire's {@code disable}: the reporter writes nothing. */
    boolean disabled() {
        return flag("disable");
    }

    /** Whether option {@code name} is {@code true}, as Maven reads a boolean. */
    boolean flag(String name) {
        return Boolean.parseBoolean(options.get(name));
    }

    /** The value of option {@code name}, or null when it is not set. */
    String option(String name) {
        String value = options.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
