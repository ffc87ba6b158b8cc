package ci.fast.maven.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Surefire's {@code trimStackTrace}: a problem's stack trace cut down to the test class's own frames. The lines
 * naming exceptions (the first, each {@code Caused by:}) stay, so the cause chain still reads.
 */
public final class TrimmedTraces {
    private TrimmedTraces() {}

    /** The result with each test's stack trace trimmed; the same result when nothing changes. */
    public static ClassResult of(ClassResult r) {
        List<TestResult> tests = new ArrayList<>(r.tests().size());
        for (TestResult t : r.tests()) {
            tests.add(t.withStackTraces(trace -> trim(trace, t.className())));
        }
        return r.toBuilder().tests(tests).build();
    }

    /**
     * Keeps the lines that are not frames, and the frames of {@code testClass} and its nested classes. A trace with
     * no frame of the test class (a failure in a library called from a base class) is kept whole: trimmed, it would
     * say nothing of where it happened.
     */
    static String trim(String trace, String testClass) {
        String[] lines = trace.split("\\R", -1);
        StringBuilder kept = new StringBuilder();
        boolean anyOwnFrame = false;
        for (String line : lines) {
            String frame = frameOf(line);
            if (frame == null || isOf(frame, testClass)) {
                anyOwnFrame |= frame != null;
                kept.append(line).append('\n');
            }
        }
        if (!anyOwnFrame) {
            return trace;
        }
        // Every kept line got a break; the last one (the split's final piece) had none.
        return kept.substring(0, kept.length() - 1);
    }

    /** The frame's {@code [loader//][module/]class.method(...)} part, or null for a line that is no frame. */
    private static String frameOf(String line) {
        String s = line.strip();
        if (!s.startsWith("at ")) {
            return null;
        }
        String frame = s.substring(3);
        int slash = frame.lastIndexOf('/', frame.indexOf('('));
        return slash >= 0 ? frame.substring(slash + 1) : frame;
    }

    private static boolean isOf(String frame, String testClass) {
        return frame.startsWith(testClass + ".") || frame.startsWith(testClass + "$");
    }
}
