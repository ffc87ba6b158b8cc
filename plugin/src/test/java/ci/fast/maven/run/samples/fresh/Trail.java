package ci.fast.maven.run.samples.fresh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the sample classes of FreshForksTest say which JVM ran them: one file per class, in the directory named by
 * the fork's {@code fresh.trail} property, holding the JVM's pid, its {@code fresh.slot} property (the fork number)
 * and how many sample classes this JVM had run, this one included.
 */
final class Trail {
    /** Sample classes run in this JVM; more than 1 means a JVM ran more than one class. */
    private static int classes;

    private Trail() {}

    static synchronized void leave(String className) throws IOException, InterruptedException {
        classes++;
        String line = ProcessHandle.current().pid() + " " + System.getProperty("fresh.slot") + " " + classes;
        Files.writeString(Path.of(System.getProperty("fresh.trail"), className), line, StandardCharsets.UTF_8);
        Thread.sleep(Long.getLong("fresh.sleepMillis", 0)); // the work itself, for the timeout's test
    }
}
