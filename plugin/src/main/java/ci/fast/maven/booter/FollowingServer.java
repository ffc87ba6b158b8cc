package ci.fast.maven.booter;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.util.function.Supplier;

/**
 * The orchestrator's address when it follows the settings on the event socket ({@link ServerFrame}): read on the
 * first {@link #get}, which blocks until the Maven side has sent it, within the socket's read timeout. After it, the
 * socket is read no further. Called by the node's one thread.
 */
final class FollowingServer implements Supplier<String> {
    private final Socket socket;
    /** The stream the settings were read from: it may hold this frame's bytes already. */
    private final DataInputStream in;
    /** Null until read. */
    private String server;

    FollowingServer(Socket socket, DataInputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** @throws UncheckedIOException when the frame cannot be read: the Maven side is gone or broke the stream */
    @Override
    public String get() {
        if (server == null) {
            try {
                server = SettingsCodec.read(in, ServerFrame.class).server();
                socket.setSoTimeout(0);
            } catch (IOException e) {
                throw new UncheckedIOException("the Maven side sent no server address: " + e.getMessage(), e);
            }
        }
        return server;
    }
}
