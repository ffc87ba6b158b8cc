package ci.fast.maven.discovery;

import ci.fast.maven.booter.TestFilters;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.surefire.api.testset.TestListResolver;
import org.codehaus.plexus.util.FileUtils;

/**
 * Which tests run, from Surefire's parameters {@code test}, {@code includes}, {@code excludes}, {@code includesFile}
 * and {@code excludesFile}, resolved exactly as Surefire 3.5 does with its own {@link TestListResolver}.
 *
 * <p>Two lists come out of them, as in Surefire. The <em>scan</em> lists choose test classes in Maven: {@code test}
 * alone when it is set (it overrides the rest), otherwise includes plus includesFile (Surefire's defaults when both
 * are empty) and excludes plus excludesFile (default: nested classes). The <em>method</em> lists go to the fork,
 * whose launcher drops the test methods they do not match: {@code test} when set, otherwise the two files, which may
 * hold {@code Class#method} patterns too. Immutable.
 */
public final class TestSelection {
    /** Surefire's default includes. */
    public static final List<String> DEFAULT_INCLUDES =
            List.of("**/Test*.java", "**/*Test.java", "**/*Tests.java", "**/*TestCase.java");
    /** Surefire's default excludes: nested and anonymous classes travel with their top-level class. */
    public static final List<String> DEFAULT_EXCLUDES = List.of("**/*$*");

    private final String test;
    private final List<String> scanIncludes;
    private final List<String> scanExcludes;
    private final List<String> methodIncludes;
    private final List<String> methodExcludes;

    private TestSelection(
            String test,
            List<String> scanIncludes,
            List<String> scanExcludes,
            List<String> methodIncludes,
            List<String> methodExcludes) {
        this.test = test;
        this.scanIncludes = List.copyOf(scanIncludes);
        this.scanExcludes = List.copyOf(scanExcludes);
        this.methodIncludes = List.copyOf(methodIncludes);
        this.methodExcludes = List.copyOf(methodExcludes);
    }

    /**
     * @param test Surefire's {@code test} parameter; null or blank when not set
     * @param includes null or empty for the default
     * @param excludes null or empty for the default
     * @param includesFile null when not set; one pattern a line, {@code #} starts a comment line
     * @param excludesFile null when not set
     * @throws IllegalArgumentException with the one line a user needs: a method filter in includes or excludes, or a
     *     list file that cannot be read
     */
    public static TestSelection of(
            String test, List<String> includes, List<String> excludes, File includesFile, File excludesFile) {
        if (test != null && !test.isBlank()) {
            List<String> patterns = clean(List.of(test.split(",")));
            return new TestSelection(test.trim(), patterns, List.of(), patterns, List.of());
        }
        List<String> fromIncludesFile = readList(includesFile, "includesFile");
        List<String> fromExcludesFile = readList(excludesFile, "excludesFile");
        List<String> scanIncludes = clean(noMethodFilter(includes));
        scanIncludes.addAll(fromIncludesFile);
        List<String> scanExcludes = clean(noMethodFilter(excludes));
        scanExcludes.addAll(fromExcludesFile);
        return new TestSelection(
                null,
                scanIncludes.isEmpty() ? DEFAULT_INCLUDES : scanIncludes,
                scanExcludes.isEmpty() ? DEFAULT_EXCLUDES : scanExcludes,
                fromIncludesFile,
                fromExcludesFile);
    }

    /** Whether {@code test} was set, so that it alone chooses the tests. */
    public boolean specified() {
        return test != null;
    }

    /** Chooses test classes: matched against class files such as {@code com/example/FooTest.class}. */
    public TestListResolver classFilter() {
        return new TestListResolver(scanIncludes, scanExcludes);
    }

    /**
     * The test classes in the test classes directory and in the dependencies to scan, as Surefire finds them.
     *
     * @param dependencies jars, or class directories of reactor modules
     * @return fully qualified class names, sorted, each once
     * @throws IOException when a jar cannot be read
     */
    public List<String> findClasses(Path testClassesDirectory, List<Path> dependencies) throws IOException {
        TestListResolver filter = classFilter();
        TreeSet<String> classes = new TreeSet<>(TestClassScanner.scan(testClassesDirectory, filter));
        classes.removeIf(name -> travelsWithItsOuterClass(name, classes, testClassesDirectory));
        for (Path dependency : dependencies) {
            classes.addAll(
                    Files.isDirectory(dependency)
                            ? TestClassScanner.scan(dependency, filter)
                            : TestClassScanner.scanJar(dependency, filter));
        }
        return List.copyOf(classes);
    }

    /** How a class file names Jupiter's {@code @Nested}. */
    private static final byte[] NESTED = "Lorg/junit/jupiter/api/Nested;".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether a class is a Jupiter {@code @Nested} class whose top-level class runs too: it runs with it, and queued
     * on its own it would run twice and get a report of its own. Surefire's default excludes ({@code **}{@code /*$*})
     * leave such classes out; a pom's own {@code excludes} replace those defaults, and Surefire, which hands every
     * class to one launcher, does not run them twice either.
     */
    private static boolean travelsWithItsOuterClass(String name, Set<String> classes, Path directory) {
        int nested = name.indexOf('$');
        if (nested < 0 || !classes.contains(name.substring(0, nested))) {
            return false;
        }
        try {
            byte[] bytes = Files.readAllBytes(directory.resolve(name.replace('.', '/') + ".class"));
            return indexOf(bytes, NESTED) >= 0;
        } catch (IOException e) {
            return false; // unreadable here: the fork reports it as it would any class
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Included patterns for the fork's method filter; empty with the excludes when every method runs. */
    public List<String> methodIncludes() {
        return methodIncludes;
    }

    /** Excluded patterns for the fork's method filter. */
    public List<String> methodExcludes() {
        return methodExcludes;
    }

    /**
     * What the forks filter: this selection's method patterns, and the tags.
     *
     * @param groups Surefire's {@code groups}: comma-separated tag expressions; null for none
     * @param excludedGroups Surefire's {@code excludedGroups}; null for none
     */
    public TestFilters forkFilters(String groups, String excludedGroups) {
        return new TestFilters(
                methodIncludes,
                methodExcludes,
                TestFilters.tagExpressions(groups),
                TestFilters.tagExpressions(excludedGroups));
    }

    /**
     * The line that fails the build when no test ran, as Surefire's, or null when running nothing is fine.
     *
     * @param failIfNoTests Surefire's {@code failIfNoTests}, for a run without {@code test}
     * @param failIfNoSpecifiedTests Surefire's {@code surefire.failIfNoSpecifiedTests}, for a run with {@code test}
     */
    public String whenNothingRan(boolean failIfNoTests, boolean failIfNoSpecifiedTests) {
        if (specified()) {
            return failIfNoSpecifiedTests
                    ? "No tests matching pattern \"" + new TestListResolver(methodIncludes, methodExcludes)
                            + "\" were executed! (Set -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)"
                    : null;
        }
        return failIfNoTests ? "No tests were executed!  (Set -DfailIfNoTests=false to ignore this error.)" : null;
    }

    @Override
    public String toString() {
        return "includes " + scanIncludes + ", excludes " + scanExcludes + ", methods " + methodIncludes + " but "
                + methodExcludes;
    }

    private static List<String> noMethodFilter(Collection<String> patterns) {
        if (patterns == null) {
            return List.of();
        }
        for (String pattern : patterns) {
            if (pattern != null && pattern.contains("#")) {
                throw new IllegalArgumentException("Method filter prohibited in includes|excludes parameter: " + pattern
                        + " (use -Dtest=Class#method, or includesFile)");
            }
        }
        return new ArrayList<>(patterns);
    }

    private static List<String> readList(File file, String parameter) {
        if (file == null) {
            return List.of();
        }
        if (!file.isFile()) {
            throw new IllegalArgumentException(
                    "Failed to load list from file: " + file + " (" + parameter + " names no readable file)");
        }
        try {
            // plexus reads one entry a line, trimmed, and skips blank lines and lines starting with #
            return clean(FileUtils.loadFile(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Failed to load list from file: " + file + " (" + parameter + "): " + e.getMessage());
        }
    }

    /** Trimmed, without nulls and blanks, as Surefire's {@code filterNulls}; a new mutable list. */
    private static List<String> clean(Collection<String> patterns) {
        List<String> result = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern != null && !pattern.isBlank()) {
                result.add(pattern.trim());
            }
        }
        return result;
    }
}
