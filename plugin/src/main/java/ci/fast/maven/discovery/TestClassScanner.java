package ci.fast.maven.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.maven.surefire.api.testset.TestListResolver;

/**
 * Finds test classes in a directory of compiled classes or in a jar, as Surefire's directory and dependency scanners
 * do: every {@code .class} file whose path, such as {@code com/example/FooTest.class}, the filter lets run.
 */
public final class TestClassScanner {
    private static final String CLASS = ".class";

    private TestClassScanner() {}

    /**
     * @return fully qualified class names, sorted; empty when the directory does not exist
     * @throws UncheckedIOException when the directory cannot be read
     */
    public static List<String> scan(Path classesDirectory, TestListResolver filter) {
        if (!Files.isDirectory(classesDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            List<String> paths = files.filter(Files::isRegularFile)
                    .map(file -> classesDirectory.relativize(file).toString().replace('\\', '/'))
                    .toList();
            return select(paths, filter);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + classesDirectory + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return fully qualified class names of the jar's matching classes, sorted
     * @throws IOException when the jar cannot be read
     */
    public static List<String> scanJar(Path jar, TestListResolver filter) throws IOException {
        List<String> paths = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    paths.add(entry.getName());
                }
            }
        }
        return select(paths, filter);
    }

    private static List<String> select(List<String> paths, TestListResolver filter) {
        TreeSet<String> classes = new TreeSet<>();
        for (String path : paths) {
            // Surefire compares the extension ignoring case
            boolean isClass = path.length() > CLASS.length()
                    && path.regionMatches(true, path.length() - CLASS.length(), CLASS, 0, CLASS.length());
            if (isClass && !path.startsWith("META-INF/") && filter.shouldRun(path, null)) {
                classes.add(path.substring(0, path.length() - CLASS.length()).replace('/', '.'));
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(classes));
    }
}
