package ci.fast.maven.server;

import ci.fast.maven.channel.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Whose key an upgrade presents: one key for a server of one project (its project named {@code ""}), or the keys of a
 * keys file, one {@code project=key} line each ({@code #} starts a comment line), reread whenever the file's time or
 * size changes, checked at each upgrade. Keys are compared in constant time, every key each time, and never appear in a
 * message. Thread-safe.
 */
final class ProjectKeys {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /** The file, or null for one fixed key. */
    private final Path file;

    private final Consumer<String> log;
    /** Guarded by {@code this}: the keys in force and the file's stamp they were read at. */
    private List<Entry> entries;

    private Stamp stamp;

    private ProjectKeys(Path file, List<Entry> entries, Stamp stamp, Consumer<String> log) {
        this.file = file;
        this.entries = entries;
        this.stamp = stamp;
        this.log = log;
    }

    /** One project's key: every connection that presents it belongs to project {@code ""}. */
    static ProjectKeys single(Secret key) {
        return new ProjectKeys(null, List.of(new Entry("", digest(key.reveal()))), null, line -> {});
    }

    /**
     * The keys of {@code file}.
     *
     * @param log told when the file changed, and when a changed file cannot be read (the keys before it stay)
     * @throws IllegalArgumentException when the file cannot be read or holds no valid key, at start
     */
    static ProjectKeys file(Path file, Consumer<String> log) {
        try {
            Stamp stamp = Stamp.of(file);
            return new ProjectKeys(file, read(file), stamp, log);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the keys file " + file + ": " + e.getMessage());
        }
    }

    /** Whether these are one project's key, not a keys file's. */
    boolean ofOneProject() {
        return file == null;
    }

    /** The project whose key {@code candidate} is, or empty when it is nobody's. */
    Optional<String> project(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        byte[] presented = digest(candidate);
        String found = null;
        // Every key is compared, and equal-length digests: how long this takes says nothing of which key came close.
        for (Entry entry : current()) {
            if (MessageDigest.isEqual(entry.digest(), presented) && found == null) {
                found = entry.project();
            }
        }
        return Optional.ofNullable(found);
    }

    private synchronized List<Entry> current() {
        if (file == null) {
            return entries;
        }
        try {
            Stamp now = Stamp.of(file);
            if (!now.equals(stamp)) {
                List<Entry> read = read(file);
                entries = read;
                stamp = now;
                log.accept("keys file " + file + " reloaded: " + read.size() + " projects");
            }
        } catch (IOException | IllegalArgumentException e) {
            log.accept("keys file " + file + " not reloaded, the keys before it stay: " + e.getMessage());
        }
        return entries;
    }

    private static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> keys = new HashSet<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            String name = eq < 0 ? "" : line.substring(0, eq).strip();
            String key = eq < 0 ? "" : line.substring(eq + 1).strip();
            // The message names the line, never its key.
            if (!NAME.matcher(name).matches() || key.isEmpty()) {
                throw new IllegalArgumentException("line " + (i + 1) + " of " + file
                        + " is not project=key (a project name of letters, digits, '.', '_' and '-')");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("project " + name + " appears twice in " + file);
            }
            if (!keys.add(key)) {
                throw new IllegalArgumentException("project " + name + " has the key of another project in " + file);
            }
            entries.add(new Entry(name, digest(key)));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("the keys file " + file + " holds no project=key line");
        }
        return List.copyOf(entries);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Entry(String project, byte[] digest) {}

    /** What tells that the file changed: its time and its size (a rewrite within a clock tick changes the size). */
    private record Stamp(FileTime modified, long size) {
        static Stamp of(Path file) throws IOException {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        }
    }
}
