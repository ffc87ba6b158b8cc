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
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
        return run(socket, settings, server, assembler, false);
    }

    /**
     * As {@link #run(Socket, ForkSettings, Supplier, ClassAssembler)}; with {@code apart}, the socket is read on a
     * thread of its own and the events taken in on the calling thread: a node in Maven's JVM, whose tests' writes to
     * {@code System.out} hold that stream's lock while they wait for the socket, and whose events are taken in by a
     * thread that logs through that same stream (Maven's logger), would otherwise wait for each other once the
     * socket's buffers are full.
     */
    static ForkEvent.NodeEnded run(
            Socket socket, ForkSettings settings, Supplier<String> server, ClassAssembler assembler, boolean apart) {
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
            Supplier<ForkEvent> events = apart ? readApart(in) : () -> read(in);
            ForkEvent.NodeEnded goodbye = null;
            for (ForkEvent event = events.get(); event != null; event = events.get()) {
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

    /** The events of {@code in}, read on a daemon thread into a queue as fast as they come; null after the last. */
    private static Supplier<ForkEvent> readApart(DataInputStream in) {
        BlockingQueue<Optional<ForkEvent>> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    for (ForkEvent event = read(in); event != null; event = read(in)) {
                        queue.add(Optional.of(event));
                    }
                    queue.add(Optional.empty());
                },
                "fast-ci-node-events");
        reader.setDaemon(true);
        reader.start();
        return () -> {
            try {
                return queue.take().orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null; // the run is being stopped: as a broken stream
            }
        };
    }

    private static ForkEvent read(DataInputStream in) {
        try {
            return ForkEventCodec.read(in);
        } catch (IOException e) {
            return null; // a broken stream is a dead fork; the exit code tells the rest
        }
    }
}
