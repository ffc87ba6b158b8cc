package ci.fast.maven.fork;

import ci.fast.maven.booter.ForkEvent;
import ci.fast.maven.booter.ForkEventCodec;
import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.booter.ServerFrame;
import ci.fast.maven.booter.SettingsCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.function.Supplier;

/**
 * The Maven side of a fork's event socket: it sends the fork its settings as the first frame (and a node's server
 * address as the second, once known), then takes in the fork's events until the stream ends.
 */
final class EventStream {
    private EventStream() {}

    /**
     * Runs the stream to its end.
     *
     * @param server the orchestrator's address, sent in a {@link ServerFrame} after the settings once it gives it (the
     *     fork reads the settings meanwhile); null to send none
     * @return the fork's goodbye, or null when the stream broke or ended without one (the fork died)
     * @throws java.io.UncheckedIOException from {@code server}: there is no server
     */
    static ForkEvent.NodeEnded run(
            Socket socket, ForkSettings settings, Supplier<String> server, ClassAssembler assembler) {
        try {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
            SettingsCodec.write(out, settings);
            out.flush();
            if (server != null) {
                // Ordering: the fork's events wait in the socket's buffers until this returns and they are read.
                SettingsCodec.write(out, new ServerFrame(server.get()));
                out.flush();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            ForkEvent.NodeEnded goodbye = null;
            for (ForkEvent event = read(in); event != null; event = read(in)) {
                if (event instanceof ForkEvent.NodeEnded end) {
                    goodbye = end;
                } else {
                    assembler.event(event);
                }
            }
            return goodbye;
        } catch (IOException e) {
            return null; // the fork died before it took its settings; its exit code tells the rest
        }
    }

    private static ForkEvent read(DataInputStream in) {
        try {
            return ForkEventCodec.read(in);
        } catch (IOException e) {
            return null; // a broken stream is a dead fork; the exit code tells the rest
        }
    }
}
