package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fast-ci:serve}'s choice of store ({@code fastCi.store}): SQLite in the data directory by default. */
class ServerStoreTest {
    @TempDir
    Path dir;

    @Test
    void opensTheSqliteStoreInTheDataDirectoryAndTakesInTheOldTimingsFileOnce() throws Exception {
        Path timings = dir.resolve("serve-timings.json");
        Files.writeString(timings, "{\"run_keys\": {\"junit\": {\"com.acme.ATest\": 2.5}}}", StandardCharsets.UTF_8);
        List<String> info = new ArrayList<>();

        try (ServerStore kept = ServerStore.open("sqlite", dir.resolve("data"), timings, line -> {}, info::add)) {
            assertInstanceOf(SqlStore.class, kept.store());
            assertEquals(Map.of("com.acme.ATest", 2.5), kept.timings().estimates("junit", List.of("com.acme.ATest")));
        }
        try (ServerStore again = ServerStore.open("sqlite", dir.resolve("data"), timings, line -> {}, info::add)) {
            assertEquals(Map.of("com.acme.ATest", 2.5), again.timings().estimates("junit", List.of("com.acme.ATest")));
        }

        assertTrue(Files.isRegularFile(dir.resolve("data").resolve(SqlStore.FILE)));
        assertEquals(1, info.size(), "taken in once: " + info);
        assertTrue(info.get(0).contains("1 classes") && info.get(0).contains(timings.toString()), info.get(0));
    }

    @Test
    void keepsNothingPastTheProcessInMemory() throws Exception {
        try (ServerStore kept =
                ServerStore.open("memory", dir.resolve("data"), dir.resolve("t.json"), line -> {}, line -> {})) {
            assertInstanceOf(MemoryStore.class, kept.store());
            assertInstanceOf(RunKeyTimings.class, kept.timings());
        }
        assertTrue(Files.notExists(dir.resolve("data")), "no data directory made");
    }

    @Test
    void refusesAnUnknownStoreInOneLineNamingTheKinds() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServerStore.open("postgres", dir, dir.resolve("t.json"), line -> {}, line -> {}));

        assertEquals("fastCi.store must be sqlite (the default) or memory, not 'postgres'", e.getMessage());
    }
}
