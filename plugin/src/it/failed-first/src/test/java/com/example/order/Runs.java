package com.example.order;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends the class's name to target/runs.log, so the IT sees the order classes ran in. */
final class Runs {
    private Runs() {}

    static void record(Class<?> test, long sleepMillis) throws Exception {
        Files.writeString(
                Path.of("target", "runs.log"),
                test.getSimpleName() + "\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Thread.sleep(sleepMillis); // the class's duration, what the history keeps
    }
}
