package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunKeyTimingsTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void savesAndLoadsEachRunKeysHistoryApart() throws Exception {
        Path file = dir.resolve("serve/timings.json");
        RunKeyTimings timings = RunKeyTimings.load(file, warnings::add);
        timings.record("junit", "com.acme.ATest", 1.5);
        timings.record("testng", "com.acme.ATest", 30.0);

        timings.save();

        RunKeyTimings loaded = RunKeyTimings.load(file, warnings::add);
        assertEquals(
                Map.of("junit", Map.of("com.acme.ATest", 1.5), "testng", Map.of("com.acme.ATest", 30.0)),
                loaded.snapshot());
        assertEquals(Map.of("com.acme.ATest", 1.5), loaded.estimates("junit", List.of("com.acme.ATest")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void keepsEachRunKeysFailedClassesApart() throws Exception {
        Path file = dir.resolve("serve/timings.json");
        RunKeyTimings timings = RunKeyTimings.load(file, warnings::add);
        timings.record("junit", "com.acme.ATest", 1.5, true);
        timings.record("testng", "com.acme.ATest", 30.0, false);
        timings.save();

        RunKeyTimings loaded = RunKeyTimings.load(file, warnings::add);
        assertEquals(Set.of("com.acme.ATest"), loaded.failed("junit", List.of("com.acme.ATest")));
        assertEquals(Set.of(), loaded.failed("testng", List.of("com.acme.ATest")));
        assertEquals(Map.of("com.acme.ATest", 1.5), loaded.estimates("junit", List.of("com.acme.ATest")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void loadsAFileOfTheEarlierFormAsWhatEachRunKeyStartsFrom() throws Exception {
        Path file = dir.resolve("timings.json");
        Files.writeString(file, "{\"com.acme.ATest\": 4.0, \"com.acme.BTest\": 1.0}", StandardCharsets.UTF_8);

        RunKeyTimings timings = RunKeyTimings.load(file, warnings::add);
        timings.record("junit", "com.acme.ATest", 2.0);

        assertEquals(Map.of("com.acme.ATest", 2.0), timings.estimates("junit", List.of("com.acme.ATest")));
        assertEquals(Map.of("com.acme.ATest", 4.0), timings.estimates("testng", List.of("com.acme.ATest")));
        timings.save();
        RunKeyTimings again = RunKeyTimings.load(file, warnings::add);
        assertEquals(Map.of("com.acme.BTest", 1.0), again.estimates("other", List.of("com.acme.BTest")));
        assertEquals(Map.of("com.acme.ATest", 2.0), again.estimates("junit", List.of("com.acme.ATest")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void ignoresACorruptFileWithOneWarning() throws Exception {
        Path file = dir.resolve("timings.json");
        Files.writeString(file, "{\"run_keys\": {", StandardCharsets.UTF_8);

        RunKeyTimings timings = RunKeyTimings.load(file, warnings::add);

        assertEquals(Map.of(), timings.snapshot());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains(file.toString()), warnings::toString);
    }
}
