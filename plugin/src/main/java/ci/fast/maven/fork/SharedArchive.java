package ci.fast.maven.fork;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A class-data-sharing archive of the JDK classes a fork loads, kept in the user's cache per java executable and
 * plugin version, so that a fork maps them instead of loading a few hundred classes the JDK's own archive lacks (the
 * socket, TLS and concurrency code, the JDK classes JUnit uses).
 *
 * <p>It holds JDK classes only, dumped with no application class path: the JDK checks it against itself, and a class
 * path may be anything, directories included (the JDK's dynamic archives refuse a non-empty directory, and a fork's
 * class path always has {@code target/test-classes}). The tests' and the plugin's classes load as without it, from the
 * same loaders: nothing a test sees changes.
 *
 * <p>Without an archive, the first fork of a run writes the list of classes it loads ({@code -XX:DumpLoadedClassList});
 * after the run, {@link #complete} dumps the archive from it ({@code -Xshare:dump}) and moves it into place at once,
 * so a concurrent build sees the whole archive or none. A fork handed an archive its JDK rejects (another build,
 * a damaged file) runs on without it, silently: the fork's CDS log lines are off.
 */
public final class SharedArchive {
    /** The property that turns the archive off: {@code -DfastCi.cds=false}. */
    public static final String PROPERTY = "fastCi.cds";

    /** JVM options that mean the user runs CDS (or AOT) of their own: then the forks get none of ours. */
    static final List<String> USER_OPTIONS = List.of(
            "-Xshare",
            "SharedArchiveFile",
            "SharedClassListFile",
            "ArchiveClassesAtExit",
            "AutoCreateSharedArchive",
            "DumpLoadedClassList",
            "-Xlog:cds",
            "AOTCache",
            "AOTMode",
            "AOTConfiguration");

    /** Variables whose options the JVM reads besides its command line. */
    private static final List<String> OPTION_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    /** How long the dump after a training run may take before it is given up (it takes about a second). */
    static final Duration DUMP_LIMIT = Duration.ofSeconds(60);

    /** What a run does with the archive. */
    enum Mode {
        /** No archive: off, or the user's own CDS options. */
        OFF,
        /** The archive exists: every fork maps it. */
        USE,
        /** No archive yet: the forks list the classes they load, for {@link #complete}. */
        TRAIN
    }

    private final Mode mode;
    private final Path java;
    private final Path archive;
    /** This run's class lists, one per fork number, named {@code <prefix><forkNumber>.classlist}. */
    private final String listPrefix;

    private SharedArchive(Mode mode, Path java, Path archive, String listPrefix) {
        this.mode = mode;
        this.java = java;
        this.archive = archive;
        this.listPrefix = listPrefix;
    }

    /** An archive that is never used. */
    public static SharedArchive off() {
        return new SharedArchive(Mode.OFF, null, null, null);
    }

    /**
     * What this run does: off when {@code enabled} is false, when {@code java} is no JDK with CDS, when the forks'
     * options or the variables the JVM reads set CDS options of their own, or when {@code cache} cannot be made; else
     * uses the archive for {@code java}, or trains one when there is none.
     *
     * @param jvmArguments the forks' JVM options (argLine, system properties)
     * @param environment the variables added to the forks' environment, over Maven's own
     * @param cache where archives are kept, such as {@code ~/.fast-ci/cds}
     * @param pluginVersion the plugin's version: another booter loads other JDK classes
     */
    public static SharedArchive plan(
            boolean enabled,
            Path java,
            Collection<String> jvmArguments,
            Map<String, String> environment,
            Path cache,
            String pluginVersion) {
        if (!enabled || !hasCds(java) || userSetsCds(jvmArguments) || userSetsCds(variables(environment))) {
            return off();
        }
        try {
            Files.createDirectories(cache);
        } catch (IOException | RuntimeException e) {
            return off();
        }
        Path archive = cache.resolve(key(java, pluginVersion) + ".jsa");
        if (Files.isRegularFile(archive)) {
            return new SharedArchive(Mode.USE, java, archive, null);
        }
        String prefix = key(java, pluginVersion) + "-" + UUID.randomUUID() + "-";
        return new SharedArchive(
                Mode.TRAIN, java, archive, cache.resolve(prefix).toString());
    }

    Mode mode() {
        return mode;
    }

    /** The archive's file, there or to be made; null when off. */
    public Path file() {
        return archive;
    }

    /**
     * The options that go before the forks' own: the archive and CDS's log lines off when using it, the class list
     * (per fork, through Surefire's fork-number placeholder) when training, nothing when off.
     */
    public List<String> jvmOptions() {
        return switch (mode) {
            case OFF -> List.of();
            case USE -> List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off");
            case TRAIN -> List.of("-XX:DumpLoadedClassList=" + listPrefix + "${surefire.forkNumber}.classlist");
        };
    }

    /**
     * After a training run: dumps the archive from the longest class list the forks wrote, and deletes the lists.
     * Never fails the run: an archive that cannot be made is simply missing next time too.
     *
     * @return what happened, for the debug log; null when there was nothing to do
     */
    public String complete() {
        if (mode != Mode.TRAIN) {
            return null;
        }
        List<Path> lists = lists();
        try {
            Path longest = null;
            for (Path list : lists) {
                if (longest == null || Files.size(list) > Files.size(longest)) {
                    longest = list;
                }
            }
            if (longest == null || Files.size(longest) == 0) {
                return "no fork wrote its class list: no shared archive";
            }
            return dump(longest);
        } catch (IOException e) {
            return "the shared archive was not made: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while making the shared archive";
        } finally {
            for (Path list : lists) {
                deleteQuietly(list);
            }
        }
    }

    private String dump(Path list) throws IOException, InterruptedException {
        Path partial = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".partial");
        Process dump = new ProcessBuilder(
                        java.toString(),
                        "-Xshare:dump",
                        "-XX:SharedClassListFile=" + list,
                        "-XX:SharedArchiveFile=" + partial,
                        "-Xlog:cds*=off")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (!dump.waitFor(DUMP_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                return "the shared archive's dump took over " + DUMP_LIMIT.toSeconds() + " s: given up";
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(partial)) {
                return "the shared archive's dump failed (exit " + dump.exitValue() + ")";
            }
            try {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            return "shared archive " + archive + " made";
        } finally {
            dump.destroyForcibly();
            deleteQuietly(partial);
        }
    }

    private List<Path> lists() {
        Path prefix = Path.of(listPrefix);
        List<Path> lists = new ArrayList<>();
        try (DirectoryStream<Path> files =
                Files.newDirectoryStream(prefix.getParent(), prefix.getFileName() + "*.classlist")) {
            files.forEach(lists::add);
        } catch (IOException e) {
            // none, then
        }
        return lists;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover in the cache, harmless
        }
    }

    /**
     * Whether {@code java} belongs to a JDK whose JVM has class-data sharing: its default archive's class list is
     * there, as in every HotSpot JDK since 12; another JVM (OpenJ9) might refuse the options.
     */
    static boolean hasCds(Path java) {
        try {
            Path home = java.toRealPath().getParent().getParent();
            return Files.isRegularFile(home.resolve("lib").resolve("classlist"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean userSetsCds(Collection<String> options) {
        for (String option : options) {
            if (option.startsWith("-X")) {
                for (String cds : USER_OPTIONS) {
                    if (option.contains(cds)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The options in the variables the JVM reads, the forks' own over Maven's. */
    private static List<String> variables(Map<String, String> environment) {
        List<String> options = new ArrayList<>();
        for (String name : OPTION_VARIABLES) {
            String value = environment.containsKey(name) ? environment.get(name) : System.getenv(name);
            if (value != null) {
                options.addAll(List.of(value.trim().split("\\s+")));
            }
        }
        return options;
    }

    /**
     * The archive's name: the java executable (its real path and its JDK's modules file, which a JDK update
     * replaces) and the plugin's version.
     */
    static String key(Path java, String pluginVersion) {
        StringBuilder identity = new StringBuilder(pluginVersion).append('\n');
        try {
            Path real = java.toRealPath();
            identity.append(real).append('\n');
            Path modules = real.getParent().getParent().resolve("lib").resolve("modules");
            if (Files.isRegularFile(modules)) {
                identity.append(Files.size(modules))
                        .append(' ')
                        .append(Files.getLastModifiedTime(modules).toMillis());
            }
        } catch (IOException | RuntimeException e) {
            identity.append(java);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return "jdk-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
