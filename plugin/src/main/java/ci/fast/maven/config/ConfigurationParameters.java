package ci.fast.maven.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The JUnit Platform configuration parameters a goal hands its forks: Surefire's {@code parallel} and thread counts
 * mapped onto the Platform's parallel execution (Jupiter's and Vintage's keys), under the user's own
 * {@code <properties><configurationParameters>}, which win. A {@code junit-platform.properties} on the test class
 * path still counts for every key set by neither.
 */
public final class ConfigurationParameters {
    private ConfigurationParameters() {}

    /**
     * @param properties Surefire's {@code properties}; its {@code configurationParameters} entry holds lines of
     *     {@code key=value}, and any other entry is a configuration parameter of its own, as Surefire passes it
     * @param parallel Surefire's {@code parallel}, or null
     * @param threads the thread counts that go with it
     * @throws SettingsException naming Surefire's values when {@code parallel} is none of them
     */
    public static Map<String, String> of(Properties properties, String parallel, Threads threads) {
        Map<String, String> parameters = new LinkedHashMap<>(parallel(parallel, threads));
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                if (name.equals("configurationParameters")) {
                    parse(properties.getProperty(name)).forEach(parameters::put);
                } else {
                    parameters.put(name, properties.getProperty(name));
                }
            }
            testNg(properties).forEach(parameters::putIfAbsent);
        }
        return parameters;
    }

    /**
     * Surefire's TestNG properties as the JUnit Platform's TestNG engine names them, as both Surefire's TestNG provider
     * (which hands them to TestNG) and its JUnit Platform provider (which maps them so) apply them: {@code listener}
     * and {@code reporter} (class names) to {@code testng.listeners}, {@code dataproviderthreadcount} to
     * {@code testng.dataProviderThreadCount}. A parameter of the engine's own name wins.
     */
    private static Map<String, String> testNg(Properties properties) {
        Map<String, String> engine = new LinkedHashMap<>();
        String listeners = String.join(
                ",",
                java.util.stream.Stream.of(properties.getProperty("listener"), properties.getProperty("reporter"))
                        .filter(value -> value != null)
                        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                        .map(String::strip)
                        .filter(name -> !name.isEmpty())
                        .toList());
        if (!listeners.isEmpty()) {
            engine.put("testng.listeners", listeners);
        }
        String threads = properties.getProperty("dataproviderthreadcount");
        if (threads != null && !threads.isBlank()) {
            engine.put("testng.dataProviderThreadCount", threads.strip());
        }
        return engine;
    }

    /**
     * Surefire's thread settings.
     *
     * @param threadCount threads, 0 for the Platform's default
     * @param perCoreThreadCount whether {@code threadCount} counts per core
     * @param useUnlimitedThreads no bound on threads
     */
    public record Threads(int threadCount, boolean perCoreThreadCount, boolean useUnlimitedThreads) {
        public Threads {
            if (threadCount < 0) {
                throw new SettingsException("Parameter \"threadCount\" should not be negative, was " + threadCount
                        + ": set it to 0 or more.");
            }
        }
    }

    private static Map<String, String> parallel(String parallel, Threads threads) {
        Map<String, String> p = new LinkedHashMap<>();
        if (parallel == null || parallel.isBlank() || parallel.strip().equalsIgnoreCase("none")) {
            return p;
        }
        String mode = parallel.strip().toLowerCase(Locale.ROOT);
        boolean classes;
        boolean methods;
        switch (mode) {
            case "classes", "suitesandclasses", "suites" -> {
                classes = true;
                methods = false;
            }
            case "methods", "suitesandmethods" -> {
                classes = false;
                methods = true;
            }
            case "both", "classesandmethods", "all" -> {
                classes = true;
                methods = true;
            }
            default ->
                throw new SettingsException("parallel '" + parallel + "' is not one of methods, classes, both,"
                        + " suites, suitesAndClasses, suitesAndMethods, classesAndMethods, all, none: set one of them");
        }
        p.put("junit.jupiter.execution.parallel.enabled", "true");
        p.put("junit.jupiter.execution.parallel.mode.default", methods ? "concurrent" : "same_thread");
        p.put("junit.jupiter.execution.parallel.mode.classes.default", classes ? "concurrent" : "same_thread");
        p.put("junit.vintage.execution.parallel.enabled", "true");
        p.put("junit.vintage.execution.parallel.classes", Boolean.toString(classes));
        p.put("junit.vintage.execution.parallel.methods", Boolean.toString(methods));
        if (threads.useUnlimitedThreads()) {
            // No bound the Platform accepts is unlimited; a large per-core factor is the nearest.
            p.put("junit.jupiter.execution.parallel.config.strategy", "dynamic");
            p.put("junit.jupiter.execution.parallel.config.dynamic.factor", "256");
        } else if (threads.threadCount() > 0 && threads.perCoreThreadCount()) {
            p.put("junit.jupiter.execution.parallel.config.strategy", "dynamic");
            p.put("junit.jupiter.execution.parallel.config.dynamic.factor", Integer.toString(threads.threadCount()));
        } else if (threads.threadCount() > 0) {
            p.put("junit.jupiter.execution.parallel.config.strategy", "fixed");
            p.put("junit.jupiter.execution.parallel.config.fixed.parallelism", Integer.toString(threads.threadCount()));
            p.put("junit.vintage.execution.parallel.pool-size", Integer.toString(threads.threadCount()));
        }
        return p;
    }

    private static Map<String, String> parse(String lines) {
        Properties parsed = new Properties();
        try {
            parsed.load(new StringReader(lines == null ? "" : lines));
        } catch (IOException e) {
            throw new IllegalStateException("a string cannot fail to read", e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        parsed.stringPropertyNames().stream().sorted().forEach(name -> map.put(name, parsed.getProperty(name)));
        return map;
    }
}
