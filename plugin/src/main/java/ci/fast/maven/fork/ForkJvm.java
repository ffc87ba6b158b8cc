package ci.fast.maven.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.codehaus.plexus.util.cli.CommandLineUtils;

/**
 * The forked JVM as the user configured it, translated the way Surefire does: {@code -ea}, then {@code argLine}
 * with its {@code @{…}} references replaced, then the system properties as {@code -D}.
 *
 * @param jvm the java executable, or null for the one running Maven
 * @param argLine JVM options, may be null
 * @param enableAssertions whether to add {@code -ea}
 * @param lateProperties the properties {@code @{name}} in argLine refers to
 * @param systemProperties the forks' system properties, see {@link ForkSystemProperties}
 * @param environment variables added to the forks' environment
 * @param workingDirectory the forks' working directory, created if missing
 */
public record ForkJvm(
        String jvm,
        String argLine,
        boolean enableAssertions,
        Properties lateProperties,
        Map<String, String> systemProperties,
        Map<String, String> environment,
        Path workingDirectory) {
    public ForkJvm {
        Properties copy = new Properties();
        copy.putAll(lateProperties);
        lateProperties = copy;
        systemProperties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /**
     * The options to start each fork with, with the default exit and connect timeouts and no reruns.
     *
     * @throws IllegalArgumentException with the one line the user sees when the configuration cannot work
     */
    public ForkOptions toOptions(List<Path> classPath, List<Path> isolatedPath, Path scratch, Duration timeout) {
        return new ForkOptions(
                java(),
                jvmArguments(),
                classPath,
                isolatedPath,
                directory(),
                environment,
                scratch,
                timeout,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
    }

    /** {@code -ea} first, so that a {@code -da} in argLine still wins. */
    List<String> jvmArguments() {
        List<String> arguments = new ArrayList<>();
        if (enableAssertions) {
            arguments.add("-ea");
        }
        if (argLine != null && !argLine.isBlank()) {
            // Surefire joins a multi-line argLine (a pom's indentation) into one.
            String line = LateProperties.replace(argLine.replace('\n', ' ').replace('\r', ' '), lateProperties);
            try {
                arguments.addAll(List.of(CommandLineUtils.translateCommandline(line)));
            } catch (Exception e) {
                throw new IllegalArgumentException(
                        "argLine cannot be parsed (" + e.getMessage() + "): check its quotes", e);
            }
        }
        systemProperties.forEach((k, v) -> arguments.add("-D" + k + "=" + v));
        return arguments;
    }

    Path java() {
        if (jvm == null || jvm.isBlank()) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Path java = Path.of(jvm);
        if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
            throw new IllegalArgumentException("jvm " + java
                    + " is not an executable file: set <jvm> to a java executable, such as $JAVA_HOME/bin/java");
        }
        return java;
    }

    Path directory() {
        try {
            return Files.createDirectories(workingDirectory);
        } catch (IOException e) {
            throw new IllegalArgumentException("workingDirectory " + workingDirectory + " cannot be created ("
                    + e.getMessage() + "): set <workingDirectory> to a directory");
        }
    }
}
