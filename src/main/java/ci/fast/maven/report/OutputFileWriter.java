package ci.fast.maven.report;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes {@code <className>-output.txt}, what a class printed, as Surefire does with
 * {@code redirectTestOutputToFile}: standard output, then standard error. No file for a class that printed nothing.
 */
public final class OutputFileWriter {
    private final String nameSuffix;

    /** A writer of {@code <className>-output.txt}. */
    public OutputFileWriter() {
        this(ReportLayout.SUREFIRE);
    }

    /** A writer of files named with {@code layout}'s suffix, as {@code <className>-<suffix>-output.txt}. */
    public OutputFileWriter(ReportLayout layout) {
        this.nameSuffix = layout.nameSuffix();
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
        String name = nameSuffix.isEmpty() ? r.className() : r.className() + "-" + nameSuffix;
        ReportFiles.write(reportsDirectory, name + "-output.txt", out -> {
            out.write(r.stdout());
            out.write(r.stderr());
        });
        return true;
    }
}
