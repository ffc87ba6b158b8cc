package ci.fast.maven.booter;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The fork's end of the event socket. Thread-safe: tests may print from any thread. */
final class EventSink implements AutoCloseable {
    private final DataOutputStream out;

    EventSink(OutputStream socket) {
        this.out = new DataOutputStream(new BufferedOutputStream(socket, 64 * 1024));
    }

    /** Sends one event at once, so that the Maven side sees it even if the fork dies right after. */
    synchronized void send(ForkEvent event) {
        try {
            ForkEventCodec.write(out, event);
            out.flush();
        } catch (IOException e) {
            // The Maven side is gone: nobody is left to report to.
            throw new UncheckedIOException("lost the connection to Maven", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
