package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConfigurationParametersTest {
    private static final ConfigurationParameters.Threads DEFAULT_THREADS =
            new ConfigurationParameters.Threads(0, true, false);

    @Test
    void readsSurefiresConfigurationParametersLines() {
        Properties properties = new Properties();
        properties.setProperty(
                "configurationParameters",
                "junit.jupiter.displayname.generator.default = org.junit.jupiter.api.DisplayNameGenerator$Simple\n"
                        + "  junit.jupiter.execution.timeout.default=5 s\n");
        properties.setProperty("listener", "com.acme.Listener");

        Map<String, String> parameters = ConfigurationParameters.of(properties, null, DEFAULT_THREADS);

        assertEquals(
                Map.of(
                        "junit.jupiter.displayname.generator.default",
                        "org.junit.jupiter.api.DisplayNameGenerator$Simple",
                        "junit.jupiter.execution.timeout.default",
                        "5 s",
                        "listener",
                        "com.acme.Listener",
                        "testng.listeners",
                        "com.acme.Listener"),
                parameters);
    }

    @Test
    void surefiresTestNgPropertiesGoToTheTestNgEnginesNamesUnlessSetThere() {
        Properties properties = new Properties();
        properties.setProperty("listener", "com.acme.Listener, com.acme.Other");
        properties.setProperty("reporter", "com.acme.Reporter");
        properties.setProperty("dataproviderthreadcount", "3");

        Map<String, String> parameters = ConfigurationParameters.of(properties, null, DEFAULT_THREADS);

        assertEquals("com.acme.Listener,com.acme.Other,com.acme.Reporter", parameters.get("testng.listeners"));
        assertEquals("3", parameters.get("testng.dataProviderThreadCount"));

        properties.setProperty("configurationParameters", "testng.listeners=com.acme.Own");
        assertEquals(
                "com.acme.Own",
                ConfigurationParameters.of(properties, null, DEFAULT_THREADS).get("testng.listeners"));
    }

    @Test
    void parallelClassesRunsClassesConcurrentlyAndMethodsInTurn() {
        Map<String, String> p =
                ConfigurationParameters.of(null, "classes", new ConfigurationParameters.Threads(3, false, false));

        assertEquals("true", p.get("junit.jupiter.execution.parallel.enabled"));
        assertEquals("same_thread", p.get("junit.jupiter.execution.parallel.mode.default"));
        assertEquals("concurrent", p.get("junit.jupiter.execution.parallel.mode.classes.default"));
        assertEquals("fixed", p.get("junit.jupiter.execution.parallel.config.strategy"));
        assertEquals("3", p.get("junit.jupiter.execution.parallel.config.fixed.parallelism"));
        assertEquals("true", p.get("junit.vintage.execution.parallel.classes"));
        assertEquals("false", p.get("junit.vintage.execution.parallel.methods"));
    }

    @Test
    void parallelBothWithThreadsPerCoreIsDynamic() {
        Map<String, String> p = ConfigurationParameters.of(
                null, "classesAndMethods", new ConfigurationParameters.Threads(2, true, false));

        assertEquals("concurrent", p.get("junit.jupiter.execution.parallel.mode.default"));
        assertEquals("concurrent", p.get("junit.jupiter.execution.parallel.mode.classes.default"));
        assertEquals("dynamic", p.get("junit.jupiter.execution.parallel.config.strategy"));
        assertEquals("2", p.get("junit.jupiter.execution.parallel.config.dynamic.factor"));
    }

    @Test
    void theUsersOwnParametersWinOverTheMapping() {
        Properties properties = new Properties();
        properties.setProperty("configurationParameters", "junit.jupiter.execution.parallel.mode.default=same_thread");

        Map<String, String> p = ConfigurationParameters.of(properties, "methods", DEFAULT_THREADS);

        assertEquals("same_thread", p.get("junit.jupiter.execution.parallel.mode.default"));
    }

    @Test
    void noneAndUnsetMapToNothing() {
        assertTrue(ConfigurationParameters.of(null, "none", DEFAULT_THREADS).isEmpty());
        assertTrue(ConfigurationParameters.of(null, null, DEFAULT_THREADS).isEmpty());
    }

    @Test
    void refusesAModeSurefireDoesNotKnow() {
        SettingsException e = assertThrows(
                SettingsException.class, () -> ConfigurationParameters.of(null, "everything", DEFAULT_THREADS));

        assertTrue(e.getMessage().startsWith("parallel 'everything' is not one of methods"), e.getMessage());
        assertThrows(SettingsException.class, () -> new ConfigurationParameters.Threads(-1, true, false));
    }
}
