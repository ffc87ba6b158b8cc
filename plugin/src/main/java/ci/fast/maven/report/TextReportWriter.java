package ci.fast.maven.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@code <className>.txt} as Surefire does: a header naming the class, the class line, then for
 * each failed or errored test its heading line and stack trace. As under Surefire 3.5, the counts and tests are the
 * class's own, without its {@code @Nested} classes'. Lines end with the platform's separator. With Surefire's
 * {@code reportFormat=plain} every test has its line; {@code reportNameSuffix} names the file
 * {@code <className>-<suffix>.txt}. Safe to use from several threads for different classes.
 */
public final class TextReportWriter {

    private static final String RULE = "-".repeat(79);

    private final ReportLayout layout;

    /** A writer of Surefire's brief reports. */
    public TextReportWriter() {
        this(ReportLayout.SUREFIRE);
    }

    /** A writer of reports named and written as {@code layout} says. */
    public TextReportWriter(ReportLayout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    /**
     * Writes the report of one class into {@code reportsDirectory}, creating it if needed and replacing a
     * previous report of the same class atomically.
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void write(ClassResult r, Path reportsDirectory) {
        Objects.requireNonNull(r, "ClassResult");
        Objects.requireNonNull(reportsDirectory, "reportsDirectory");
        if (layout.textPhrasedFileName()) {
            // Surefire writes a report for each container as it ends: named by the class, the last (the class's own)
            // replaces the others; named by each container's display name, each stays.
            for (ClassResult set : r.testSets()) {
                ReportFiles.write(
                        reportsDirectory,
                        layout.fileName(set.className()) + ".txt",
                        out -> writeReport(r, r.className(), set, out));
            }
            return;
        }
        // The class's own tests and time, under its own container's name for a layout that shows display names.
        List<ClassResult> sets = r.testSets();
        ClassResult own = r.ownSet();
        ClassResult named = ClassResult.builder(sets.get(sets.size() - 1).className())
                .tests(own.tests())
                .seconds(own.seconds())
                .build();
        ReportFiles.write(
                reportsDirectory,
                layout.fileName(r.className()) + ".txt",
                out -> writeReport(r, r.className(), named, out));
    }

    /**
     * @param all the whole class, which says which class a problem's heading names (a suite member's own under
     *     Surefire's JUnit 4 provider)
     * @param className the top-level class, which names the tests
     * @param set the tests reported, under the container's name, shown where the layout asks for display names
     */
    private void writeReport(ClassResult all, String className, ClassResult set, Writer out) throws IOException {
        line(out, RULE);
        line(out, "Test set: " + (layout.textPhrasedHeader() ? set.className() : className));
        line(out, RULE);
        ClassResult summarized = layout.textPhrasedSummary()
                ? set
                : ClassResult.builder(className)
                        .tests(set.tests())
                        .seconds(set.seconds())
                        .build();
        line(out, ConsoleFormat.classLine(summarized));
        for (TestResult t : set.tests()) {
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
            } else if (layout.plain()) {
                line(out, ConsoleFormat.plainLine(className, t));
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
