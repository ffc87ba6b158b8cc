package ci.fast.maven.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes {@code <className>-output.txt}, what a class printed, as Surefire does with
 * {@code redirectTestOutputToFile}: standard output, then standard error. No file for a class that printed nothing.
 * With the output reporter's {@code usePhrasedFileName} the file is named by the class's {@code @DisplayName} (its
 * name when it has none), as Surefire 3.6 names it by the class's test set; a {@code @Nested} class's output stays in
 * its top-level class's file.
 */
public final class OutputFileWriter {
    private final String nameSuffix;
    private final boolean phrased;

    /** A writer of {@code <className>-output.txt}. */
    public OutputFileWriter() {
        this(ReportLayout.SUREFIRE);
    }

    /** A writer of files named with {@code layout}'s suffix, as {@code <className>-<suffix>-output.txt}. */
    public OutputFileWriter(ReportLayout layout) {
        this.nameSuffix = layout.nameSuffix();
        this.phrased = layout.outputPhrasedFileName();
    }

    /**
     * Writes the output of one class into {@code reportsDirectory}, replacing a previous file atomically.
     *
     * @return whether a file was written
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public boolean write(ClassResult r, Path reportsDirectory) {
        Objects.requireNonNull(r, "ClassResult");
        if (r.stdout().isEmpty() && r.stderr().isEmpty()) {
            return false;
        }
        String base = phrased ? phrasedName(r) : r.className();
        String name = nameSuffix.isEmpty() ? base : base + "-" + nameSuffix;
        ReportFiles.write(reportsDirectory, name + "-output.txt", out -> {
            out.write(r.stdout());
            out.write(r.stderr());
        });
        return true;
    }

    /** The class's own test set's name: its {@code @DisplayName}, else its name (the last set is the class's own). */
    private static String phrasedName(ClassResult r) {
        java.util.List<ClassResult> sets = r.testSets();
        return sets.get(sets.size() - 1).className();
    }
}
