package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.channel.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * Forks that misbehave before their node runs, played by real executables standing in for {@code java}: each ends
 * within its bound, as the exit it is, with its process gone.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the stand-in JVMs are shell scripts")
class ForkProcessTest {
    /** Far beyond every bound the tests set; on code that waits without one, the test fails here. */
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static final ForkSettings SETTINGS = new ForkSettings(
            "",
            List.of(),
            "ws://127.0.0.1:1",
            Map.of(),
            List.of("com.acme.ATest"),
            "",
            TestRunOptions.DEFAULTS,
            List.of(),
            "",
            Map.of(),
            "");

    /** A node's: its server's address follows in a frame of its own. */
    private static final ForkSettings NODE_SETTINGS = new ForkSettings(
            "",
            List.of(),
            "",
            Map.of(),
            List.of("com.acme.ATest"),
            "",
            TestRunOptions.DEFAULTS,
            List.of(),
            "",
            Map.of(),
            "");

    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void aForkThatNeverConnectsIsKilledAndReportedNeverConnectedWithinTheConnectTimeout() throws Exception {
        ForkOptions options = options(script("exec sleep 600")).withConnectTimeout(Duration.ofSeconds(2));
        long start = System.nanoTime();

        ForkResult result = assertTimeoutPreemptively(LIMIT, () -> fork(options).run(SETTINGS));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(new ForkExit.NeverConnected(Duration.ofSeconds(2)), result.exit());
        assertTrue(result.exit().died(), "counts as a death, so a replacement takes its queue");
        assertTrue(took.compareTo(Duration.ofSeconds(15)) < 0, "ended in " + took);
        assertGone(pid());
    }

    @Test
    void aForkThatClosesItsStreamButDoesNotExitIsKilledAfterTheExitTimeout() throws Exception {
        // bash's /dev/tcp: connect to the port the booter's argument file names, close at once, then hang.
        ForkOptions options = options(script("for last; do :; done\n"
                        + "port=$(tail -n 1 \"${last#@}\")\n"
                        + "exec 3<>/dev/tcp/127.0.0.1/$port\n"
                        + "exec 3<&-\n"
                        + "exec sleep 600"))
                .withExitTimeout(Duration.ofSeconds(1));

        ForkResult result = assertTimeoutPreemptively(LIMIT, () -> fork(options).run(SETTINGS));

        ForkExit.Crashed crashed = assertInstanceOf(ForkExit.Crashed.class, result.exit());
        assertTrue(crashed.cause().contains("closed its event stream but did not exit within 1 s"), crashed.cause());
        assertGone(pid());
    }

    @Test
    void aForkThatExitsBeforeConnectingCrashedWithItsExitCode() throws Exception {
        ForkResult result = assertTimeoutPreemptively(
                LIMIT, () -> fork(options(script("exit 3"))).run(SETTINGS));

        assertEquals(new ForkExit.Crashed(3, ExitCause.describe(3)), result.exit());
        assertGone(pid());
    }

    @Test
    void sendsANodeItsSettingsBeforeAskingForTheServerWhoseAddressFollows() throws Exception {
        // The stand-in reads the settings frame's first byte, then tells the test so on a second socket: a local
        // run's server may still be starting, and the fork must not wait for it to get its settings.
        try (ServerSocket told = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            told.setSoTimeout(10_000);
            ForkOptions options = options(script("for last; do :; done\n"
                    + "port=$(tail -n 1 \"${last#@}\")\n"
                    + "exec 3<>/dev/tcp/127.0.0.1/$port\n"
                    + "read -t 5 -N 1 <&3 || exit 9\n"
                    + "exec 4<>/dev/tcp/127.0.0.1/" + told.getLocalPort() + "\n"
                    + "read -t 5 -N 1 <&4\n"
                    + "exit 0"));
            List<String> asked = new CopyOnWriteArrayList<>();

            ForkResult result =
                    assertTimeoutPreemptively(LIMIT, () -> fork(options).run(NODE_SETTINGS, () -> {
                        try (Socket fork = told.accept()) {
                            asked.add("after the fork read its settings");
                            fork.getOutputStream().write('x');
                        } catch (IOException e) {
                            asked.add("before the fork read its settings: " + e);
                        }
                        return "ws://127.0.0.1:1";
                    }));

            assertEquals(List.of("after the fork read its settings"), asked);
            assertEquals(new ForkExit.Crashed(0, ExitCause.describe(0)), result.exit(), "no goodbye: a stand-in");
        }
    }

    private ForkProcess fork(ForkOptions options) {
        return new ForkProcess(1, options, Secret.random(), r -> {}, log::add, name -> log.add("Running " + name));
    }

    /** A stand-in for {@code java} that writes its pid (kept by {@code exec}) and then runs {@code body}. */
    private Path script(String body) throws Exception {
        Path script = dir.resolve("java");
        Files.writeString(
                script,
                "#!/bin/bash\necho $$ > \"" + dir.resolve("pid") + "\"\n" + body + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private ForkOptions options(Path java) {
        return new ForkOptions(
                java,
                List.of(),
                List.of(dir),
                List.of(),
                dir,
                Map.of(),
                dir.resolve("scratch"),
                Duration.ZERO,
                ForkOptions.DEFAULT_EXIT_TIMEOUT,
                ForkOptions.DEFAULT_CONNECT_TIMEOUT,
                List.of(),
                null);
    }

    private long pid() throws Exception {
        return Long.parseLong(Files.readString(dir.resolve("pid")).trim());
    }

    private static void assertGone(long pid) {
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " lives on");
    }
}
