package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkOptions;
import ci.fast.maven.report.ReportOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork whose JVM starts but never connects back is a death: the fleet replaces it as it would a crash, until the
 * replacements run out, and the run ends with one line per fork, where it used to hang.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in JVM is a shell script")
class FleetNeverConnectedTest {
    @TempDir
    Path dir;

    @Test
    void replacesAForkThatNeverConnectsUntilTheReplacementsRunOut() throws Exception {
        Path java = dir.resolve("java");
        Files.writeString(java, "#!/bin/sh\nexec sleep 600\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        ForkOptions forks = new ForkOptions(
                        java,
                        List.of(),
                        List.of(),
                        List.of(),
                        dir,
                        Map.of(),
                        dir.resolve("scratch"),
                        Duration.ZERO,
                        ForkOptions.DEFAULT_EXIT_TIMEOUT,
                        ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                        List.of(),
                        null)
                .withConnectTimeout(Duration.ofMillis(500));
        RunPlan plan = new RunPlan(
                List.of("com.acme.ATest"), 1, forks, true, "junit-shop", dir.resolve("reports"), null, null);
        List<String> warnings = new CopyOnWriteArrayList<>();
        RunLog log = new RunLog() {
            @Override
            public void info(String line) {}

            @Override
            public void warn(String line) {
                warnings.add(line);
            }

            @Override
            public void error(String line) {}

            @Override
            public void debug(String line) {}
        };

        List<String> problems = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> Fleet.run(
                        plan,
                        () -> URI.create("ws://127.0.0.1:1"),
                        Secret.random(),
                        Map.of("build_id", "b1", "run_key", "junit-shop"),
                        Map.of(),
                        Reporting.sink(dir.resolve("reports"), ReportOptions.DEFAULTS, log),
                        log,
                        null));

        int forksStarted = 1 + Fleet.replacements(1);
        assertEquals(forksStarted, problems.size(), String.join("\n", problems));
        for (String problem : problems) {
            assertTrue(problem.contains("did not connect back within 500 ms and was killed"), problem);
        }
        assertTrue(warnings.get(0).startsWith("fork 1 died (the forked JVM did not connect back"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("fork 2 replaces it"), warnings.get(0));
        assertTrue(warnings.get(forksStarted - 1).contains("no replacement left"), String.join("\n", warnings));
    }
}
