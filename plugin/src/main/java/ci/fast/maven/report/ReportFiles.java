package ci.fast.maven.report;

import ci.fast.maven.files.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/** Writes a report file so that a reader (CI plugin, IDE, a second build) never sees half of it: {@link AtomicFile}. */
final class ReportFiles {

    /** Produces the content; may throw, then nothing replaces the previous report. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private ReportFiles() {}

    /**
     * Writes {@code fileName} in {@code directory} (created if missing) through a temporary file in the
     * same directory, then renames it over the target.
     *
     * @throws UncheckedIOException naming the report file if anything fails
     */
    static Path write(Path directory, String fileName, Content content) {
        Path target = directory.resolve(safeFileName(fileName));
        try {
            AtomicFile.write(target, content::writeTo);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write test report " + target + ": " + e.getMessage(), e);
        }
    }

    /** Replaces characters that some file system refuses, as Surefire does, so any test name makes a file. */
    static String safeFileName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c < 0x20 || "\\/:*?\"<>|".indexOf(c) >= 0 ? '_' : c);
        }
        return b.toString();
    }
}
