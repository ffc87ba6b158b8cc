package ci.fast.maven.pom;

import static ci.fast.maven.pom.Descriptors.configuration;
import static ci.fast.maven.pom.Descriptors.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.component.configurator.ComponentConfigurationException;
import org.codehaus.plexus.component.configurator.expression.DefaultExpressionEvaluator;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class ConfigurationApplierTest {
    /** Fields of the kinds a mojo's parameters have. */
    static final class Target {
        List<String> includes;
        Map<String, String> systemPropertyVariables;
        boolean enableAssertions = true;
        File reportsDirectory;
        int forkedProcessTimeoutInSeconds;
        PlexusConfiguration statelessTestsetReporter;
    }

    private final ExpressionEvaluator evaluator = new DefaultExpressionEvaluator() {
        @Override
        public Object evaluate(String expression) {
            return "${plugin.artifactId}".equals(expression) ? "fast-ci-maven-plugin" : expression;
        }
    };

    private final ConfigurationApplier applier = new ConfigurationApplier(
            new BasicComponentConfigurator(),
            evaluator,
            new ClassWorld("test", getClass().getClassLoader()).getClassRealm("test"));

    @Test
    void convertsAsForAPomsConfigurationWithExpressionsEvaluated() throws ComponentConfigurationException {
        Xpp3Dom configuration = configuration(
                "enableAssertions", "false", "reportsDirectory", "/tmp/reports", "forkedProcessTimeoutInSeconds", "30");
        configuration.addChild(list("includes", "include", "**/*Check.java", "**/*Spec.java"));
        Xpp3Dom properties = new Xpp3Dom("systemPropertyVariables");
        properties.addChild(configuration("evaluated", "${plugin.artifactId}").getChild(0));
        configuration.addChild(properties);
        Target target = new Target();

        applier.apply(target, configuration);

        assertEquals(List.of("**/*Check.java", "**/*Spec.java"), target.includes);
        assertEquals(Map.of("evaluated", "fast-ci-maven-plugin"), target.systemPropertyVariables);
        assertFalse(target.enableAssertions);
        assertEquals(new File("/tmp/reports"), target.reportsDirectory);
        assertEquals(30, target.forkedProcessTimeoutInSeconds);
    }

    /**
     * Surefire's reporters are configured with a class of Surefire's, which fast-ci's plugin does not have: the field is
     * a {@link PlexusConfiguration}, which takes the pom's element as it is, implementation and options, unloaded.
     */
    @Test
    void takesAReporterOfSurefiresAsItsConfigurationWithoutLoadingItsImplementation()
            throws ComponentConfigurationException {
        Xpp3Dom reporter = new Xpp3Dom("statelessTestsetReporter");
        reporter.setAttribute(
                "implementation", "org.apache.maven.plugin.surefire.extensions.junit5.JUnit5Xml30StatelessReporter");
        reporter.addChild(configuration("disable", "false").getChild(0));
        reporter.addChild(
                configuration("usePhrasedFileName", "${plugin.artifactId}").getChild(0));
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        configuration.addChild(reporter);
        Target target = new Target();

        applier.apply(target, configuration);

        assertEquals(
                "org.apache.maven.plugin.surefire.extensions.junit5.JUnit5Xml30StatelessReporter",
                target.statelessTestsetReporter.getAttribute("implementation"));
        assertEquals(
                "false", target.statelessTestsetReporter.getChild("disable").getValue());
        assertEquals(
                "${plugin.artifactId}",
                target.statelessTestsetReporter.getChild("usePhrasedFileName").getValue(),
                "Maven evaluates a configuration's expressions when its owner reads them, not before");
    }

    @Test
    void aValueOfTheWrongTypeIsAnError() {
        Target target = new Target();

        assertThrows(
                ComponentConfigurationException.class,
                () -> applier.apply(target, configuration("forkedProcessTimeoutInSeconds", "soon")));
    }
}
