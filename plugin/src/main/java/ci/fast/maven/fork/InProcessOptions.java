package ci.fast.maven.fork;

import java.io.File;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the node runs in Maven's own JVM ({@code forkCount=0}), as Surefire's in-process run: the tests on a class
 * loader of their own whose parent is the platform loader, and the system properties set in Maven's JVM for the run
 * and restored after it.
 *
 * @param classPath the tests' loader: the tests' class path, the JUnit Platform launcher where it was added, the
 *     booter (which sits beside the tests, as in a fork)
 * @param systemProperties what is set in Maven's JVM while the node runs, as Surefire sets it in-process: the forks'
 *     properties with {@code ${surefire.forkNumber}} as 1, {@code user.dir} as the working directory and {@code
 *     surefire.test.class.path}
 * @param enableAssertions whether the tests' loader enables assertions, Surefire's {@code enableAssertions}
 */
public record InProcessOptions(List<Path> classPath, Map<String, String> systemProperties, boolean enableAssertions) {
    /** Surefire's property naming the test class path, set in-process (and in its forks). */
    public static final String TEST_CLASS_PATH = "surefire.test.class.path";

    public InProcessOptions {
        classPath = List.copyOf(classPath);
        systemProperties = Collections.unmodifiableMap(new LinkedHashMap<>(systemProperties));
    }

    /**
     * The options of an in-process run, from what the forks would have had.
     *
     * @param testClassPath the tests' own class path, as {@code surefire.test.class.path} names it
     * @param added what the booter needs beside it: the launcher where the tests lack it, the booter's jar
     * @param properties the forks' system properties, see {@link ForkSystemProperties}
     * @param workingDirectory Surefire's {@code workingDirectory}, which in-process is only {@code user.dir}
     */
    public static InProcessOptions of(
            List<Path> testClassPath,
            List<Path> added,
            Map<String, String> properties,
            Path workingDirectory,
            boolean enableAssertions) {
        List<Path> loader = new java.util.ArrayList<>(testClassPath);
        loader.addAll(added);
        Map<String, String> set = new LinkedHashMap<>();
        properties.forEach((name, value) -> set.put(name, ForkCommand.withForkNumber(value, 1)));
        set.put("user.dir", workingDirectory.toAbsolutePath().toString());
        set.put(
                TEST_CLASS_PATH,
                testClassPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        return new InProcessOptions(loader, set, enableAssertions);
    }
}
