package com.example.retry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlakyTest {
    /** Under target/, so every build starts afresh. */
    private static final Path FIRST_RUN = Path.of("target", "flaky-first-run.done");

    @Test
    void passesOnItsSecondRun() throws IOException {
        boolean first = !Files.exists(FIRST_RUN);
        if (first) {
            Files.createFile(FIRST_RUN);
        }
        System.out.println("run of passesOnItsSecondRun, first=" + first);
        assertTrue(!first, "first run fails");
    }

    @Test
    void steady() {}
}
