package ci.fast.maven.files;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The one way this plugin writes a file others read while it may be rewritten (reports, timing histories, summaries):
 * through a temporary file in the same directory, renamed over the target, so a reader (a CI plugin, an IDE, a second
 * build) never sees half of it.
 */
public final class AtomicFile {
    /** Produces the content; may throw, then nothing replaces the previous file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFile() {}

    /** Writes {@code text} to {@code file}, creating its directory. */
    public static void write(Path file, String text) throws IOException {
        write(file, out -> out.write(text));
    }

    /** Writes what {@code content} produces to {@code file} in UTF-8, creating its directory. */
    public static void write(Path file, Content content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        // Same directory as the target: a rename within one file system is what makes it atomic. Not
        // Files.createTempFile: its owner-only permissions would hide the file from other users (a CI agent, a web
        // server); a plain new file gets the usual umask-based ones.
        Path temp = directory.resolve("." + file.getFileName() + "-" + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(
                    temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            move(temp, file);
            temp = null;
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Rare (some network file systems); a plain replace is still better than no file.
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
