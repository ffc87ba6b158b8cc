package com.example.split;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/** Appends "run method pid" to target/dominant.log for each method of the dominant class. */
final class Ran {
    private static final Path LOG = Path.of("target", "dominant.log");
    private static final String RUN = System.getProperty("split.run", "?");

    private Ran() {}

    static void mark(String method) throws IOException {
        String line = RUN + " " + method + " " + ProcessHandle.current().pid() + "\n";
        Files.writeString(LOG, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * In the second run, waits (at most 20 s) until this run's methods ran in two JVMs: its parts run at once on
     * both forks, so a class run whole on one fork waits out the bound, and the verify script sees one JVM.
     */
    static void awaitSecondJvm() throws IOException, InterruptedException {
        if (!RUN.equals("2")) {
            return;
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (jvms() < 2 && Instant.now().isBefore(until)) {
            Thread.sleep(20);
        }
    }

    private static long jvms() throws IOException {
        return Files.readAllLines(LOG).stream()
                .filter(line -> line.startsWith(RUN + " "))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .distinct()
                .count();
    }
}
