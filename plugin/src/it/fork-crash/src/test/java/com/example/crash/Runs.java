package com.example.crash;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends "<class> <pid>" to target/runs.log, so the IT sees which JVM ran what, and how often. */
final class Runs {
    private Runs() {}

    static void record(Class<?> test) throws IOException {
        Files.writeString(
                Path.of("target", "runs.log"),
                test.getName() + " " + ProcessHandle.current().pid() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
