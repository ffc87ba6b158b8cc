package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keys file: its format, its errors (which never quote a key), and a broken rewrite that keeps the keys. */
class ProjectKeysTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    @Test
    void findsTheProjectOfEachKeyAndNobodyForAnother() throws Exception {
        Path file = write("# two projects\n\nalpha = key-a\nbeta=key-b\n");
        ProjectKeys keys = ProjectKeys.file(file, log::add);

        assertEquals(Optional.of("alpha"), keys.project("key-a"));
        assertEquals(Optional.of("beta"), keys.project("key-b"));
        assertEquals(Optional.empty(), keys.project("key-c"));
        assertEquals(Optional.empty(), keys.project(null));
        assertEquals(Optional.of(""), ProjectKeys.single(Secret.of("one")).project("one"));
    }

    @Test
    void namesTheBadLineOfAKeysFileAndNeverItsKey() throws Exception {
        Path file = write("alpha=key-a\nbad name=key-secret\n");

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ProjectKeys.file(file, log::add));

        assertEquals(
                "line 2 of " + file + " is not project=key (a project name of letters, digits, '.', '_' and '-')",
                e.getMessage());
        assertEquals(
                "project beta has the key of another project in " + write("alpha=same\nbeta=same\n"),
                assertThrows(IllegalArgumentException.class, () -> ProjectKeys.file(dir.resolve("keys"), log::add))
                        .getMessage());
    }

    @Test
    void keepsTheKeysItHadWhenTheRewrittenFileIsBroken() throws Exception {
        Path file = write("alpha=key-a\n");
        ProjectKeys keys = ProjectKeys.file(file, log::add);

        write("alpha key-a but no equals sign\n");

        assertEquals(Optional.of("alpha"), keys.project("key-a"));
        assertEquals(1, log.size(), log::toString);
        assertTrue(log.get(0).startsWith("keys file " + file + " not reloaded, the keys before it stay: line 1 of "));
        assertTrue(!log.get(0).contains("key-a"), log::toString);
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("keys"), text);
    }
}
