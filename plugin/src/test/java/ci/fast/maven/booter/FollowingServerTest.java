package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node's server address, the frame after its settings on a real loopback socket: read from the stream the settings
 * came through (whose buffer may hold it already), on the first ask only.
 */
class FollowingServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private static final ForkSettings NODE = new ForkSettings(
            "nonce",
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

    @Test
    void readsTheAddressThatFollowsANodesSettingsFromTheStreamTheSettingsCameThrough() throws Exception {
        try (ServerSocket maven = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket fork = new Socket(InetAddress.getLoopbackAddress(), maven.getLocalPort());
                Socket accepted = maven.accept()) {
            // Both frames in one write: the fork's buffered read of the settings takes the address's bytes too.
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(accepted.getOutputStream()));
            SettingsCodec.write(out, NODE);
            SettingsCodec.write(out, new ServerFrame("http://127.0.0.1:4000"));
            out.flush();
            fork.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(new BufferedInputStream(fork.getInputStream()));

            ForkSettings settings = SettingsCodec.read(in, ForkSettings.class);
            FollowingServer server = new FollowingServer(fork, in);

            assertTrue(settings.serverFollows(), "a node's settings with no server");
            assertEquals("http://127.0.0.1:4000", assertTimeoutPreemptively(LIMIT, server::get));
            assertEquals("http://127.0.0.1:4000", server.get(), "asked again, read once");
        }
    }

    @Test
    void aMavenSideGoneBeforeTheAddressIsOneLineNotAHang() throws Exception {
        try (ServerSocket maven = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket fork = new Socket(InetAddress.getLoopbackAddress(), maven.getLocalPort())) {
            try (Socket accepted = maven.accept()) {
                DataOutputStream out = new DataOutputStream(accepted.getOutputStream());
                SettingsCodec.write(out, NODE);
                out.flush();
            }
            fork.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(new BufferedInputStream(fork.getInputStream()));
            SettingsCodec.read(in, ForkSettings.class);

            UncheckedIOException e = assertThrows(
                    UncheckedIOException.class,
                    () -> assertTimeoutPreemptively(LIMIT, new FollowingServer(fork, in)::get));

            assertTrue(e.getMessage().startsWith("the Maven side sent no server address"), e.getMessage());
        }
    }

    @Test
    void onlyANodesEmptyServerIsFollowedByAFrame() {
        assertTrue(NODE.serverFollows());
        assertEquals(false, NODE.assigning(List.of("com.acme.ATest")).serverFollows(), "an assigned fork has no node");
        assertEquals(
                false,
                new ForkSettings(
                                "",
                                List.of(),
                                "http://127.0.0.1:1",
                                Map.of(),
                                List.of(),
                                "",
                                TestRunOptions.DEFAULTS,
                                List.of(),
                                "",
                                Map.of(),
                                "")
                        .serverFollows(),
                "a server named in the settings");
    }
}
