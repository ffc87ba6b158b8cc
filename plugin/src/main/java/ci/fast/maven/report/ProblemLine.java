package ci.fast.maven.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-line description Surefire's run summary gives a failed or errored test, e.g.
 * {@code FooTest.divides:12 expected: <2> but was: <3>} or {@code FooTest.reads:30 » IllegalState boom}.
 *
 * <p>Surefire builds it from the live {@code Throwable}; here only the printed trace is left, so the frames
 * are parsed back from text and the test class is matched by name (frames in its superclasses are not
 * recognised). Where the fork worded the line itself, as Surefire's JUnit 3 provider words it from the live
 * exception ({@link TestResult#problemLine()}), that line is it.
 */
final class ProblemLine {

    /** A stack frame parsed from text; {@code line} is absent (negative) for native or unknown sources. */
    private record Frame(String className, String method, int line) {}

    private ProblemLine() {}

    static String of(TestResult t) {
        return of(t.className(), t);
    }

    /**
     * The line for {@code t} of the class {@code className}: as Surefire, a {@code @Nested} class's test is named and
     * its frames are looked for by the top-level class, so they are not found.
     */
    static String of(String className, TestResult t) {
        if (t.problemLine() != null) {
            return t.problemLine();
        }
        List<Frame> all = frames(t.stackTrace());
        String testClass = normalized(className);
        List<Frame> inClass = new ArrayList<>();
        for (Frame f : all) {
            if (normalized(f.className()).equals(testClass)) {
                inClass.add(0, f); // outermost first, as Surefire reads the call chain
            }
        }
        StringBuilder b = new StringBuilder(simpleName(className));
        if (inClass.isEmpty()) {
            if (!t.name().isEmpty()) {
                b.append('.').append(t.name());
            }
        } else {
            appendChain(b, inClass);
        }
        if (t.status() == Status.ERROR && t.failureType() != null && !isAssertion(t.failureType())) {
            // Surefire's convention: "»" when the exception came from outside the test class.
            boolean thrownInClass =
                    !all.isEmpty() && normalized(all.get(0).className()).equals(testClass);
            b.append(thrownInClass ? " " : " » ").append(shortType(t.failureType()));
        }
        String message = firstLine(t.failureMessage());
        if (!message.isEmpty()) {
            b.append(' ').append(message);
        }
        return b.toString();
    }

    /**
     * {@code .divides:12->helper:30}: the frames' method names, as Surefire prints them (a parameterized
     * invocation is named by its method alone, {@code add:20}, not {@code add(int)[2]}).
     */
    private static void appendChain(StringBuilder b, List<Frame> inClass) {
        for (int i = 0; i < inClass.size(); i++) {
            Frame f = inClass.get(i);
            b.append(i == 0 ? "." : "->").append(f.method());
            if (f.line() >= 0) {
                b.append(':').append(f.line());
            }
        }
    }

    /** Frames of the outermost exception only: its causes' frames would point elsewhere. */
    private static List<Frame> frames(String stackTrace) {
        List<Frame> frames = new ArrayList<>();
        if (stackTrace == null) {
            return frames;
        }
        for (String raw : stackTrace.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("Caused by:") || line.startsWith("Suppressed:")) {
                break;
            }
            if (line.startsWith("at ")) {
                Frame f = parseFrame(line.substring(3));
                if (f != null) {
                    frames.add(f);
                }
            }
        }
        return frames;
    }

    /** Parses {@code [loader/][module@version/]pkg.Class.method(File.java:12)}. */
    private static Frame parseFrame(String text) {
        int open = text.indexOf('(');
        if (open < 0) {
            return null;
        }
        String qualified = text.substring(text.lastIndexOf('/', open) + 1, open);
        int dot = qualified.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        int close = text.indexOf(')', open);
        String source = text.substring(open + 1, close < 0 ? text.length() : close);
        int colon = source.lastIndexOf(':');
        int line = -1;
        if (colon >= 0) {
            try {
                line = Integer.parseInt(source.substring(colon + 1));
            } catch (NumberFormatException notANumber) {
                // "Unknown Source:3" never happens, but a garbled trace must not break the summary.
            }
        }
        return new Frame(qualified.substring(0, dot), qualified.substring(dot + 1), line);
    }

    /** Assertion failures need no exception name: their message says it all (Surefire's rule). */
    private static boolean isAssertion(String type) {
        return type.equals("java.lang.AssertionError")
                || type.startsWith("org.opentest4j.")
                || type.equals("junit.framework.AssertionFailedError")
                || type.equals("junit.framework.ComparisonFailure");
    }

    /** {@code java.lang.IllegalStateException} → {@code IllegalState}, as Surefire shortens it. */
    private static String shortType(String type) {
        String simple = type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
        for (String suffix : new String[] {"Exception", "Error"}) {
            if (simple.endsWith(suffix) && simple.length() > suffix.length()) {
                return simple.substring(0, simple.length() - suffix.length());
            }
        }
        return simple;
    }

    /** {@code com.acme.FooTest$Inner} → {@code FooTest$Inner}, like Surefire. */
    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** Nested classes appear as {@code Outer$Inner} in frames and perhaps as {@code Outer.Inner} elsewhere. */
    private static String normalized(String className) {
        return className.replace('$', '.');
    }

    /** The first non-blank line: multi-line messages (assertAll, diffs) would break the one-line summary. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
    }
}
