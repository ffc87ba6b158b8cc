package ci.fast.maven.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes {@code <className>.txt} as Surefire does: a header naming the class, the class line, then for
 * each failed or errored test its heading line and stack trace. As under Surefire 3.5, the counts and tests are the
 * class's own, without its {@code @Nested} classes'. Lines end with the platform's separator.
 * Safe to use from several threads for different classes.
 */
public final class TextReportWriter {

    private static final String RULE = "-".repeat(79);

    /**
     * Writes the report of one class into {@code reportsDirectory}, creating it if needed and replacing a
     * previous report of the same class atomically.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void write(ClassResult r, Path reportsDirectory) {
        Objects.requireNonNull(r, "ClassResult");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        ReportFiles.write(reportsDirectory, r.className() + ".txt", out -> writeReport(r, out));
    }

    private static void writeReport(ClassResult all, Writer out) throws IOException {
        ClassResult r = all.ownSet();
        line(out, RULE);
        line(out, "Test set: " + r.className());
        line(out, RULE);
        line(out, ConsoleFormat.classLine(r));
        for (TestResult t : r.tests()) {
            if (t.isProblem()) {
                line(out, ConsoleFormat.testLine(all.headingClass(t), t));
                String trace = problemText(t);
                if (!trace.isEmpty()) {
                    // One line ending throughout, whatever the fork or the exception printed.
                    for (String traceLine : trace.split("\\R", -1)) {
                        line(out, traceLine);
                    }
                }
                // As Surefire: an empty line closes each problem.
                line(out, "");
            }
        }
    }

    /** The stack trace without trailing line breaks; if there is none, at least the exception and message. */
    private static String problemText(TestResult t) {
        if (t.stackTrace() != null && !t.stackTrace().isBlank()) {
            return t.stackTrace().stripTrailing();
        }
        String type = t.failureType() == null ? "" : t.failureType();
        String message = t.failureMessage() == null ? "" : t.failureMessage();
        return (type.isEmpty() || message.isEmpty() ? type + message : type + ": " + message).stripTrailing();
    }

    private static void line(Writer out, String text) throws IOException {
        out.write(text);
        out.write(System.lineSeparator());
    }
}
