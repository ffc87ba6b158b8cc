package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the forks get the shared archive, and with which options; the archive's life is SharedArchiveForkTest's. */
class SharedArchiveTest {
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path cache;

    @Test
    void trainsWhenThereIsNoArchiveYetOneClassListPerFork() {
        SharedArchive archive = SharedArchive.plan(true, JAVA, List.of("-Xmx256m"), Map.of(), cache, "1.0");

        assertEquals(SharedArchive.Mode.TRAIN, archive.mode());
        assertEquals(1, archive.jvmOptions().size());
        String option = archive.jvmOptions().get(0);
        assertTrue(option.startsWith("-XX:DumpLoadedClassList=" + cache), option);
        assertTrue(option.endsWith("-${surefire.forkNumber}.classlist"), option);
    }

    @Test
    void usesAnArchiveThatIsThereWithCdsLogLinesOff() throws Exception {
        Path file = cache.resolve(SharedArchive.key(JAVA, "1.0") + ".jsa");
        Files.writeString(file, "not checked here: the JVM checks it");

        SharedArchive archive = SharedArchive.plan(true, JAVA, List.of(), Map.of(), cache, "1.0");

        assertEquals(SharedArchive.Mode.USE, archive.mode());
        assertEquals(List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + file, "-Xlog:cds*=off"), archive.jvmOptions());
    }

    @Test
    void offWhenTurnedOff() {
        SharedArchive archive = SharedArchive.plan(false, JAVA, List.of(), Map.of(), cache, "1.0");

        assertEquals(SharedArchive.Mode.OFF, archive.mode());
        assertEquals(List.of(), archive.jvmOptions());
        assertNull(archive.complete());
    }

    @Test
    void offWhenArgLineHasCdsOptionsOfItsOwn() {
        for (String own : List.of(
                "-Xshare:off",
                "-XX:SharedArchiveFile=/tmp/app.jsa",
                "-XX:ArchiveClassesAtExit=app.jsa",
                "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds=info",
                "-XX:AOTCache=app.aot")) {
            SharedArchive archive =
                    SharedArchive.plan(true, JAVA, List.of("-ea", own, "-Dx=1"), Map.of(), cache, "1.0");

            assertEquals(SharedArchive.Mode.OFF, archive.mode(), own);
        }
    }

    @Test
    void offWhenTheForksEnvironmentGivesTheJvmCdsOptions() {
        SharedArchive archive = SharedArchive.plan(
                true, JAVA, List.of(), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g -XX:SharedArchiveFile=a.jsa"), cache, "1.0");

        assertEquals(SharedArchive.Mode.OFF, archive.mode());
    }

    @Test
    void aSystemPropertyThatMerelyNamesCdsIsNoCdsOption() {
        SharedArchive archive = SharedArchive.plan(true, JAVA, List.of("-Dnote=-Xshare:off"), Map.of(), cache, "1.0");

        assertEquals(SharedArchive.Mode.TRAIN, archive.mode());
    }

    @Test
    void offForAJavaWhoseJdkHasNoClassDataSharing() throws Exception {
        Path java = Files.createDirectories(cache.resolve("other-jvm").resolve("bin"))
                .resolve("java");
        Files.writeString(java, "");

        SharedArchive archive = SharedArchive.plan(true, java, List.of(), Map.of(), cache, "1.0");

        assertEquals(SharedArchive.Mode.OFF, archive.mode());
    }

    @Test
    void offWhenTheCacheCannotBeMade() throws Exception {
        Path file = Files.writeString(cache.resolve("a-file"), "");

        SharedArchive archive = SharedArchive.plan(true, JAVA, List.of(), Map.of(), file.resolve("cds"), "1.0");

        assertEquals(SharedArchive.Mode.OFF, archive.mode());
    }

    @Test
    void anotherPluginVersionOrJavaHasAnotherArchive() throws Exception {
        Path other = Files.createFile(cache.resolve("java"));

        assertEquals(SharedArchive.key(JAVA, "1.0"), SharedArchive.key(JAVA, "1.0"));
        assertNotEquals(SharedArchive.key(JAVA, "1.0"), SharedArchive.key(JAVA, "1.1"));
        assertNotEquals(SharedArchive.key(JAVA, "1.0"), SharedArchive.key(other, "1.0"));
    }

    @Test
    void optionsGoFirstSoThatTheUsersWin() {
        ForkOptions options = new ForkJvm(null, "-Xmx300m", true, new Properties(), Map.of(), Map.of(), cache)
                .toOptions(List.of(), List.of(), cache, Duration.ZERO)
                .withJvmOptionsFirst(List.of("-Xshare:auto"));

        assertEquals(List.of("-Xshare:auto", "-ea", "-Xmx300m"), options.jvmArguments());
    }
}
