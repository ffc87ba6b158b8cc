package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which tests' class paths make a direct JUnit 4 run open the launcher's session before its first batch: those that
 * register a session listener of their own, which must see the session open before any test runs.
 */
class PlatformTestsSessionTest {
    private static final String SERVICE = "META-INF/services/org.junit.platform.launcher.LauncherSessionListener";

    @TempDir
    Path dir;

    @Test
    void aSessionListenerOfTheTestsOwnMakesTheRunWaitForTheSession() throws IOException {
        assertTrue(PlatformTests.sessionListened(loader("# the tests' own\ncom.example.StartsADatabase\n")));
    }

    @Test
    void withoutOneOrWithOnlyCommentsOrTheLaunchersOwnNoSessionIsOpenedAtTheStart() throws IOException {
        assertFalse(PlatformTests.sessionListened(loaderOfNothing()));
        assertFalse(PlatformTests.sessionListened(
                loader("# none\n\norg.junit.platform.launcher.listeners.UniqueIdTrackingListener\n")));
    }

    private ClassLoader loader(String services) throws IOException {
        Path file = dir.resolve(SERVICE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, services);
        return loaderOfNothing();
    }

    /** Only {@link #dir}, over the platform loader: none of this JVM's class path's services. */
    private ClassLoader loaderOfNothing() throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }
}
