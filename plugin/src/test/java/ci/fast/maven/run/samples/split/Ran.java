package ci.fast.maven.run.samples.split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where the sample classes of SplitClassesTest mark that a method ran, one file {@code <method>.<pid>} per method in
 * {@code split.ran}; and how a method of the dominant class waits, bounded, until a second JVM has run one too.
 */
final class Ran {
    /** Whether this JVM has waited already. */
    private static volatile boolean waited;

    private Ran() {}

    static void mark(String method) throws IOException {
        Files.writeString(dir().resolve(method + "." + ProcessHandle.current().pid()), "ran");
    }

    /**
     * Waits until the dominant class's methods ran in two JVMs, at most 30 s: the parts of a split class run at once on two forks, so a
     * class run whole on one fork waits out the bound (and its test sees one JVM).
     */
    static void awaitSecondJvm() throws IOException, InterruptedException {
        if (waited) {
            return; // once per JVM: a class run whole waits out the bound once, and its test fails, not times out
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (jvms() < 2 && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
        waited = true;
    }

    private static long jvms() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith("alpha.")
                            || name.startsWith("bravo.")
                            || name.startsWith("charlie.")
                            || name.startsWith("delta."))
                    .map(name -> name.replaceAll(".*\\.", ""))
                    .distinct()
                    .count();
        }
    }

    private static Path dir() {
        return Path.of(System.getProperty("split.ran"));
    }
}
