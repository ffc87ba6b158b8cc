package ci.fast.maven.run.samples.skip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the sample classes of SkipAfterFailuresTest mark that they ran: one file per class in {@code skip.ran}. */
final class Ran {
    private Ran() {}

    static void mark(String className) throws IOException {
        Files.writeString(Path.of(System.getProperty("skip.ran"), className), "ran");
    }
}
