package ci.fast.maven.discovery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.codehaus.plexus.util.DirectoryScanner;

/**
 * Finds test classes in the test output directory with Surefire's include and exclude patterns, which name source
 * files ({@code **}{@code /*Test.java}) and are matched against the compiled classes.
 */
public final class TestClassScanner {
    /** Surefire's default includes. */
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Surefire's default excludes: nested and anonymous classes travel with their top-level class. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    private TestClassScanner() {}

    /**
     * @return fully qualified class names, sorted; empty when the directory does not exist
     */
    public static List<String> scan(Path testClassesDirectory, List<String> includes, List<String> excludes) {
        if (!Files.isDirectory(testClassesDirectory)) {
            return List.of();
        }
        DirectoryScanner scanner = new DirectoryScanner();
        scanner.setBasedir(testClassesDirectory.toFile());
        scanner.setIncludes(
                includes.stream().map(TestClassScanner::toClassPattern).toArray(String[]::new));
        scanner.setExcludes(
                excludes.stream().map(TestClassScanner::toClassPattern).toArray(String[]::new));
        scanner.scan();
        return Arrays.stream(scanner.getIncludedFiles())
                .filter(file -> file.endsWith(".class"))
                .map(file -> file.substring(0, file.length() - ".class".length())
                        .replace('\\', '/')
                        .replace('/', '.'))
                .sorted()
                .toList();
    }

    private static String toClassPattern(String pattern) {
        String p = pattern.trim();
        if (p.endsWith(".java")) {
            return p.substring(0, p.length() - ".java".length()) + ".class";
        }
        return p.endsWith(".class") || p.endsWith("*") ? p : p + ".class";
    }
}
