package com.example.stop;

import java.nio.file.Files;
import java.nio.file.Path;

/** Marks that a class ran: a file named after it in {@code stop.dir}. */
final class Ran {
    private Ran() {}

    static void mark(Class<?> testClass) throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("stop.dir")));
        Files.writeString(dir.resolve(testClass.getSimpleName()), "ran");
    }
}
