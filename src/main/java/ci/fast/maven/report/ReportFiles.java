package ci.fast.maven.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes a report file so that a reader (CI plugin, IDE, a second build) never sees half of it. */
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
        Path temp = null;
        try {
            Files.createDirectories(directory);
            // Same directory as the target: a rename within one file system is what makes it atomic.
            // Not Files.createTempFile: its owner-only permissions would hide the report from other users
            // (a CI agent, a web server); a plain new file gets the usual umask-based ones.
            temp = directory.resolve(".report-" + UUID.randomUUID() + ".tmp");
            try (Writer out = Files.newBufferedWriter(
                    temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temp, target);
            temp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write test report " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
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

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Rare (some network file systems); a plain replace is still better than no report.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The original failure is the one worth reporting; a stray temp file is harmless.
        }
    }
}
