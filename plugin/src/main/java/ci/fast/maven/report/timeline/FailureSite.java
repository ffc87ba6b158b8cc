package ci.fast.maven.report.timeline;

import ci.fast.maven.report.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a failed test failed in its own source, from its stack trace: the first frame of the test's class (or a class
 * nested in it), as a file under the test sources and a line, so that GitHub shows the failure on the diff.
 *
 * @param file the source file, relative to the directory the build runs in where it lies under it
 * @param line the frame's line, from 1
 */
record FailureSite(Path file, int line) {
    /** {@code at [loader//][module/]pkg.Class$Inner.method(File.java:12)}. */
    private static final Pattern FRAME = Pattern.compile(
            "^\\s*at\\s+(?:\\S*/)?([\\w$.]+)\\.[\\w$<>]+\\(([\\w$]+\\.(?:java|kt|groovy|scala)):(\\d+)\\)");

    /**
     * @param testSources the test source directory, such as {@code src/test/java}; null when unknown
     * @param base the directory the build runs in, which GitHub takes paths relative to
     * @return the site, or empty when no frame of the test's class names a file that exists
     */
    static Optional<FailureSite> of(TestResult test, Path testSources, Path base) {
        if (test.stackTrace() == null || testSources == null) {
            return Optional.empty();
        }
        String topLevel = topLevel(test.className());
        for (String frame : test.stackTrace().split("\\R")) {
            Matcher m = FRAME.matcher(frame);
            if (m.find() && topLevel(m.group(1)).equals(topLevel)) {
                int dot = topLevel.lastIndexOf('.');
                Path dir = dot < 0
                        ? testSources
                        : testSources.resolve(topLevel.substring(0, dot).replace('.', '/'));
                Path file = dir.resolve(m.group(2)).toAbsolutePath().normalize();
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                Path root = base.toAbsolutePath().normalize();
                return Optional.of(new FailureSite(
                        file.startsWith(root) ? root.relativize(file) : file, Integer.parseInt(m.group(3))));
            }
        }
        return Optional.empty();
    }

    private static String topLevel(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }
}
