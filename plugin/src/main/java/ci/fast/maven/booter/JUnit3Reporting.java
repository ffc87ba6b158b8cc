package ci.fast.maven.booter;

import java.util.Arrays;
import junit.framework.Test;
import org.junit.platform.commons.util.ExceptionUtils;

/**
 * How Surefire's JUnit 3 provider words what it reports, for {@link JUnit3Run}: a test's class and method as its
 * {@code toString()} names them, the summary line of a problem, and its trace.
 */
final class JUnit3Reporting {
    private JUnit3Reporting() {}

    /** The class a test's {@code toString()} names, {@code c} of {@code m(c)}; the whole text without parentheses. */
    static String classOf(String description) {
        if (description.endsWith(")")) {
            int open = description.lastIndexOf('(');
            if (open >= 0) {
                return description.substring(open + 1, description.length() - 1);
            }
        }
        return description;
    }

    /**
     * The method a test's {@code toString()} names, {@code m} of {@code m(c)}; null without parentheses (a suite's
     * name), which Surefire writes as the testcase's empty name.
     */
    static String methodOf(String description) {
        int open = description.lastIndexOf('(');
        return open >= 0 ? description.substring(0, open) : null;
    }

    /** The test's {@code getName()}, as Surefire's summary asks it; {@code UNKNOWN} for a test without one. */
    static String nameOf(Test test) {
        try {
            return String.valueOf(test.getClass().getMethod("getName").invoke(test));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "UNKNOWN";
        }
    }

    /**
     * Surefire's summary line of a JUnit 3 problem: {@code com.acme.FooTest#testIt}, the exception's simple name
     * unless it is an {@link AssertionError} (JUnit 3.8's {@code AssertionFailedError} is not one), and its message.
     */
    static String problemLine(String testClass, String testMethod, Throwable t) {
        StringBuilder line = new StringBuilder(testClass).append('#').append(testMethod);
        if (!(t instanceof AssertionError)) {
            line.append(' ').append(t.getClass().getSimpleName());
        }
        String message;
        try {
            message = t.getMessage();
        } catch (RuntimeException e) {
            message = e.getMessage();
        }
        if (message != null && !message.isEmpty()) {
            line.append(' ').append(message);
        }
        return line.toString();
    }

    /**
     * The trace as Surefire's provider writes it: where the message has a line break, the message starts on a line of
     * its own (SUREFIRE-986).
     */
    static String withMultiLineMessage(Throwable t, String trace) {
        String message = t.getLocalizedMessage();
        String head = t.getClass().getName() + ": ";
        if (trace == null || message == null || message.indexOf('\n') < 0 || !trace.startsWith(head)) {
            return trace;
        }
        return head + "\n" + trace.substring(head.length());
    }

    /**
     * Cuts the frames of this run and below from the trace and its causes': what is left is the test's, JUnit 3's and
     * the reflection's, as above Surefire's provider in its reports; below them a fork's frames say nothing.
     */
    static void pruneTrace(Throwable thrown) {
        for (Throwable nested : ExceptionUtils.findNestedThrowables(thrown)) {
            StackTraceElement[] frames = nested.getStackTrace();
            for (int i = 0; i < frames.length; i++) {
                if (frames[i].getClassName().startsWith(JUnit3Run.class.getName())) {
                    nested.setStackTrace(Arrays.copyOf(frames, i));
                    break;
                }
            }
        }
    }
}
