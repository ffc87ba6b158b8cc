package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.ForkedBooter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ForkCommandTest {
    @TempDir
    Path dir;

    @Test
    void quotesATokenAsIs() {
        assertEquals("\"/home/me/.m2/a.jar\"", ForkCommand.quote("/home/me/.m2/a.jar"));
    }

    @Test
    void escapesBackslashes() {
        assertEquals("\"C:\\\\Users\\\\me\\\\a.jar\"", ForkCommand.quote("C:\\Users\\me\\a.jar"));
    }

    @Test
    void escapesQuotes() {
        assertEquals("\"say \\\"hi\\\"\"", ForkCommand.quote("say \"hi\""));
    }

    @Test
    void escapesABackslashBeforeAQuoteOnce() {
        assertEquals("\"a\\\\\\\"b\"", ForkCommand.quote("a\\\"b"));
    }

    @Test
    void putsTheClassPathInTheArgFileAndNotOnTheCommandLine() throws Exception {
        Path java = dir.resolve("jdk/bin/java");
        Path testClasses = dir.resolve("target/test classes");
        Path jar = dir.resolve("repo/junit \"x\".jar");
        ForkOptions options = new ForkOptions(
                java,
                List.of("-Xmx256m", "-Dfoo=bar"),
                List.of(testClasses, jar),
                List.of(),
                dir,
                Map.of(),
                dir,
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
        Path argFile = dir.resolve("fork-1.args");

        List<String> command = ForkCommand.build(options, 1, argFile, 40123);

        assertEquals(List.of(java.toString(), "-Xmx256m", "-Dfoo=bar", "@" + argFile), command);
        for (String token : command) {
            assertFalse(token.contains(testClasses.toString()), token);
            assertFalse(token.contains("-cp"), token);
        }
        assertEquals(
                List.of(
                        "-cp",
                        ForkCommand.quote(testClasses + File.pathSeparator + jar),
                        ForkedBooter.class.getName(),
                        "40123"),
                Files.readAllLines(argFile, StandardCharsets.UTF_8));
    }

    @Test
    void putsTheModulePathAndSurefiresModuleOptionsInTheArgFile() throws Exception {
        Path classes = dir.resolve("target/classes");
        Path lib = dir.resolve("repo/lib.jar");
        Path testClasses = dir.resolve("target/test classes");
        Path junit = dir.resolve("repo/junit.jar");
        ForkOptions options = new ForkOptions(
                        dir.resolve("java"),
                        List.of(),
                        List.of(testClasses, junit),
                        List.of(),
                        dir,
                        Map.of(),
                        dir,
                        Duration.ZERO,
                        ForkOptions.DEFAULT_EXIT_TIMEOUT,
                        ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                        List.of(),
                        null)
                .withModules(new ModuleLayout(
                        "com.acme.shop",
                        List.of(classes, lib),
                        testClasses,
                        new java.util.TreeSet<>(List.of("com.acme.shop.internal", "com.acme.shop"))));
        Path argFile = dir.resolve("fork-1.args");

        ForkCommand.build(options, 1, argFile, 40123);

        assertEquals(
                List.of(
                        "--module-path",
                        ForkCommand.quote(classes + File.pathSeparator + lib),
                        "-cp",
                        ForkCommand.quote(testClasses + File.pathSeparator + junit),
                        "\"--patch-module\"",
                        ForkCommand.quote("com.acme.shop=" + testClasses),
                        "\"--add-opens\"",
                        "\"com.acme.shop/com.acme.shop=ALL-UNNAMED\"",
                        "\"--add-opens\"",
                        "\"com.acme.shop/com.acme.shop.internal=ALL-UNNAMED\"",
                        "\"--add-reads\"",
                        "\"com.acme.shop=ALL-UNNAMED\"",
                        "\"--add-modules\"",
                        "\"ALL-MODULE-PATH\"",
                        ForkedBooter.class.getName(),
                        "40123"),
                Files.readAllLines(argFile, StandardCharsets.UTF_8));
    }

    @Test
    void opensThePlatformsInternalsToItsLauncherForATestModuleAndPatchesNothing() {
        ModuleLayout layout = ModuleLayout.testModule("com.acme.shop.test", List.of(dir.resolve("test-classes")));

        assertEquals(
                List.of(
                        "--add-modules",
                        "ALL-MODULE-PATH",
                        "--add-opens",
                        "org.junit.platform.commons/org.junit.platform.commons.util=ALL-UNNAMED",
                        "--add-opens",
                        "org.junit.platform.commons/org.junit.platform.commons.logging=ALL-UNNAMED"),
                layout.options());
    }

    @Test
    void opensThePackagesOfTheTestClassesButNoUnnamedPackage() {
        assertEquals(
                List.of("com.acme", "com.acme.deep"),
                List.copyOf(ModuleLayout.packagesOf(
                        List.of("com.acme.ATest", "com.acme.deep.BTest", "com.acme.ATest$Inner", "TopLevelTest"))));
    }

    @Test
    void givesEachForkItsNumberInArgLineAndSystemProperties() throws Exception {
        ForkOptions options = new ForkOptions(
                dir.resolve("java"),
                List.of(
                        "-Dagent.port=70${surefire.forkNumber}", "-Dserver.port=80${surefire.forkNumber}",
                        "-Dold=${surefire.threadNumber}", "-Dother=${failsafe.forkNumber}"),
                List.of(),
                List.of(),
                dir,
                Map.of(),
                dir,
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);

        List<String> second = ForkCommand.build(options, 2, dir.resolve("fork-2.args"), 40123);

        // Failsafe replaces Surefire's placeholders only: a failsafe.forkNumber stays as written there too.
        assertEquals(
                List.of("-Dagent.port=702", "-Dserver.port=802", "-Dold=2", "-Dother=${failsafe.forkNumber}"),
                second.subList(1, 5));
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "a quote is no legal character of a Windows file name")
    void givesTheJvmTheClassPathExactlyThroughTheArgFile() throws Exception {
        // Names a JVM must read back exactly: a space, a quote, a backslash (legal in a Linux file name).
        Path odd = Files.createDirectories(dir.resolve("a b/c \"d\" e\\f"));
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ForkOptions options = new ForkOptions(
                java,
                List.of("-XshowSettings:properties"),
                List.of(odd, plain),
                List.of(),
                dir,
                Map.of(),
                dir,
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);

        Process process = new ProcessBuilder(ForkCommand.build(options, 1, dir.resolve("fork.args"), 40123))
                .redirectErrorStream(true)
                .start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ended");

        assertEquals(List.of(odd.toString(), plain.toString()), classPathShown(lines), String.join("\n", lines));
    }

    /** The class path as -XshowSettings:properties prints it: the first entry, then one indented entry a line. */
    private static List<String> classPathShown(List<String> lines) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("java.class.path = ")) {
                entries.add(line.substring(line.indexOf(" = ") + 3));
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("        "); j++) {
                    entries.add(lines.get(j).trim());
                }
            }
        }
        return entries;
    }
}
