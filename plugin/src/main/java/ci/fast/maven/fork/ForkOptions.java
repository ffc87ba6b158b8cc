package ci.fast.maven.fork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start a fork: everything but what differs per fork. {@link ForkJvm#toOptions} gives the defaults of the
 * last four; the {@code with…} methods change one each.
 *
 * @param java the java executable
 * @param jvmArguments JVM options, argLine first, then system properties as {@code -D}
 * @param classPath the fork's system class path: the tests' class path, the booter, the JUnit Platform launcher
 * @param isolatedPath the class path of the fork's isolated networking loader, see {@link IsolatedPath}
 * @param workingDirectory the fork's working directory
 * @param environment variables added to the fork's environment
 * @param scratch a directory for the forks' argument files
 * @param timeout how long a fork may live before it is killed, as Surefire's {@code forkedProcessTimeoutInSeconds};
 *     zero for no limit
 * @param exitTimeout how long a fork's JVM may take to exit once its event stream closed before it is killed, as
 *     Surefire's {@code forkedProcessExitTimeoutInSeconds}
 * @param connectTimeout how long a started fork may take to connect back before it is killed
 * @param excludedEnvironment variables of Maven's environment the forks do not inherit, Surefire's {@code
 *     excludedEnvironmentVariables}
 * @param modules how the tests run on the module path, {@code classPath} then holding what is not on it; null for
 *     tests on the class path
 */
public record ForkOptions(
        Path java,
        List<String> jvmArguments,
        List<Path> classPath,
        List<Path> isolatedPath,
        Path workingDirectory,
        Map<String, String> environment,
        Path scratch,
        Duration timeout,
        Duration exitTimeout,
        Duration connectTimeout,
        List<String> excludedEnvironment,
        ModuleLayout modules) {
    /** Surefire's default {@code forkedProcessExitTimeoutInSeconds}. */
    public static final Duration DEFAULT_EXIT_TIMEOUT = Duration.ofSeconds(30);

    /** Long enough for a JVM on a loaded machine, with a coverage agent, to reach the booter's main. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(60);

    public ForkOptions {
        jvmArguments = List.copyOf(jvmArguments);
        classPath = List.copyOf(classPath);
        isolatedPath = List.copyOf(isolatedPath);
        environment = Map.copyOf(environment);
        if (timeout.isNegative()) {
            throw new IllegalArgumentException(
                    "forkedProcessTimeoutInSeconds must be 0 (no limit) or more, was " + timeout.toSeconds());
        }
        if (exitTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "forkedProcessExitTimeoutInSeconds must be 0 or more, was " + exitTimeout.toSeconds());
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("the connect timeout must be positive, was " + connectTimeout);
        }
        excludedEnvironment = List.copyOf(excludedEnvironment);
    }

    /** These options with Surefire's {@code forkedProcessExitTimeoutInSeconds}. */
    public ForkOptions withExitTimeout(Duration exit) {
        return new Copy(this).exitTimeout(exit).build();
    }

    /** These options with another time a fork has to connect back. */
    public ForkOptions withConnectTimeout(Duration connect) {
        return new Copy(this).connectTimeout(connect).build();
    }

    /** These options with Surefire's {@code excludedEnvironmentVariables}. */
    public ForkOptions withExcludedEnvironment(List<String> excluded) {
        return new Copy(this).excludedEnvironment(excluded).build();
    }

    /** These options with {@code first} before the JVM options they have (the user's then win a conflict). */
    public ForkOptions withJvmOptionsFirst(List<String> first) {
        List<String> arguments = new ArrayList<>(first);
        arguments.addAll(jvmArguments);
        return new Copy(this).jvmArguments(arguments).build();
    }

    /** These options with the tests on the module path, {@code classPath} holding what is not on it. */
    public ForkOptions withModules(ModuleLayout layout) {
        return new Copy(this).modules(layout).build();
    }

    /** Options as they were, but for what the {@code with…} methods change: the one place that lists every component. */
    private static final class Copy {
        private final ForkOptions of;
        private List<String> jvmArguments;
        private Duration exitTimeout;
        private Duration connectTimeout;
        private List<String> excludedEnvironment;
        private ModuleLayout modules;

        Copy(ForkOptions of) {
            this.of = of;
            this.jvmArguments = of.jvmArguments;
            this.exitTimeout = of.exitTimeout;
            this.connectTimeout = of.connectTimeout;
            this.excludedEnvironment = of.excludedEnvironment;
            this.modules = of.modules;
        }

        Copy jvmArguments(List<String> arguments) {
            this.jvmArguments = arguments;
            return this;
        }

        Copy exitTimeout(Duration exit) {
            this.exitTimeout = exit;
            return this;
        }

        Copy connectTimeout(Duration connect) {
            this.connectTimeout = connect;
            return this;
        }

        Copy excludedEnvironment(List<String> excluded) {
            this.excludedEnvironment = excluded;
            return this;
        }

        Copy modules(ModuleLayout layout) {
            this.modules = layout;
            return this;
        }

        ForkOptions build() {
            return new ForkOptions(
                    of.java,
                    jvmArguments,
                    of.classPath,
                    of.isolatedPath,
                    of.workingDirectory,
                    of.environment,
                    of.scratch,
                    of.timeout,
                    exitTimeout,
                    connectTimeout,
                    excludedEnvironment,
                    modules);
        }
    }
}
