package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up trace bench/startup reads: one line per mark, nothing without a file, never a failure. */
class StartupTraceTest {
    @TempDir
    Path dir;

    @Test
    void appendsOneLinePerMarkWithTimePidAndCpuTime() throws IOException {
        Path file = dir.resolve("trace.txt");
        long before = System.currentTimeMillis();
        StartupTrace.mark("fork.main", file.toString());
        StartupTrace.mark("fork.joined", file.toString());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        String[] first = lines.get(0).split(" ");
        assertTrue(Long.parseLong(first[0]) >= before, lines.get(0));
        assertEquals(Long.toString(ProcessHandle.current().pid()), first[1]);
        assertEquals("fork.main", first[2]);
        assertTrue(Long.parseLong(first[3]) > 0, lines.get(0));
        assertEquals("fork.joined", lines.get(1).split(" ")[2]);
    }

    @Test
    void writesNothingWithoutAFile() throws IOException {
        StartupTrace.mark("fork.main", null);
        StartupTrace.mark("fork.main", "");
        try (var files = Files.list(dir)) {
            assertFalse(files.findAny().isPresent());
        }
    }

    @Test
    void anUnwritableFileDoesNotFailTheRun() {
        StartupTrace.mark("fork.main", dir.resolve("missing/dir/trace.txt").toString());
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}
