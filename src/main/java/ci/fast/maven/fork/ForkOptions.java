package ci.fast.maven.fork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start a fork: everything but what differs per fork.
 *
 * @param java the java executable
 * @param jvmArguments JVM options, argLine first, then system properties as {@code -D}
 * @param classPath the fork's system class path: the tests' class path, the booter, the JUnit Platform launcher
 * @param isolatedPath the class path of the fork's isolated networking loader
 * @param workingDirectory the fork's working directory
 * @param environment variables added to the fork's environment
 * @param scratch a directory for the forks' configuration files
 * @param timeout how long a fork may live before it is killed, as Surefire's {@code forkedProcessTimeoutInSeconds};
 *     zero for no limit
 */
public record ForkOptions(
        Path java,
        List<String> jvmArguments,
        List<Path> classPath,
        List<Path> isolatedPath,
        Path workingDirectory,
        Map<String, String> environment,
        Path scratch,
        Duration timeout) {
    public ForkOptions {
        jvmArguments = List.copyOf(jvmArguments);
        classPath = List.copyOf(classPath);
        isolatedPath = List.copyOf(isolatedPath);
        environment = Map.copyOf(environment);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "forkedProcessTimeoutInSeconds must be 0 (no limit) or more, was " + timeout.toSeconds());
        }
    }
}
