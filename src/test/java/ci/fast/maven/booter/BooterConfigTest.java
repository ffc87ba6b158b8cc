package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BooterConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsBackEveryFieldItWrote() throws Exception {
        BooterConfig written = config(params(), List.of("com.acme.ZTest", "com.acme.ATest", "com.acme.Ünicode测试"));
        Path file = dir.resolve("fork-1.properties");

        written.write(file);
        BooterConfig read = BooterConfig.read(file);

        assertEquals(written, read);
        assertEquals(written.isolatedPath(), read.isolatedPath());
        assertEquals(List.of("com.acme.ZTest", "com.acme.ATest", "com.acme.Ünicode测试"), read.classes());
    }

    @Test
    void keepsTheOrderOfTheConnectParameters() throws Exception {
        // Enough names that a hash order would differ from the insertion order.
        Map<String, String> params = params();
        for (int i = 20; i > 0; i--) {
            params.put("extra_" + (char) ('z' - i) + i, "v" + i);
        }
        Path file = dir.resolve("fork.properties");

        config(params, List.of("com.acme.ATest")).write(file);

        assertEquals(
                List.copyOf(params.keySet()),
                List.copyOf(BooterConfig.read(file).params().keySet()));
        assertEquals(params, BooterConfig.read(file).params());
    }

    @Test
    void readsBackEmptyParamsClassesAndIsolatedPath() throws Exception {
        BooterConfig written =
                new BooterConfig(1, "n", List.of(), "http://localhost:1", Map.of(), List.of(), TestFilters.NONE, "");
        Path file = dir.resolve("empty.properties");

        written.write(file);

        assertEquals(written, BooterConfig.read(file));
    }

    @Test
    void neverWritesTheSecretKey() throws Exception {
        Path file = dir.resolve("fork.properties");

        config(params(), List.of("com.acme.ATest")).write(file);

        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        assertFalse(p.isEmpty());
        for (String name : p.stringPropertyNames()) {
            assertFalse(name.toLowerCase().contains("secret"), name);
        }
        assertFalse(Files.readString(file).toLowerCase().contains("secret"), Files.readString(file));
    }

    private BooterConfig config(Map<String, String> params, List<String> classes) {
        return new BooterConfig(
                54321,
                "3f2c-nonce",
                List.of(dir.resolve("lib/tyrus.jar"), dir.resolve("lib b/json.jar")),
                "https://fast-ci.example/orchestrator",
                params,
                classes,
                new TestFilters(
                        List.of("%regex[.*Fast.*]#a+b", "FooTest#m*"),
                        List.of("!BarTest"),
                        List.of("fast | slow", "com.example.Slow"),
                        List.of("flaky")),
                "{\"com.acme.ATest\":{\"file_status\":\"failed\"}}");
    }

    private static Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("run_key", "maven");
        params.put("build_id", "0891fba");
        params.put("commit", "abc=def:ghi");
        params.put("branch", "feature/ü");
        params.put("api_version", "");
        return params;
    }
}
