package ci.fast.maven.booter;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The fork's end of the event socket. Thread-safe: tests may print from any thread. */
final class EventSink implements AutoCloseable {
    private final DataOutputStream out;
    /** Whether every event is flushed as it is sent, see {@link #send}. */
    private final boolean flushEach;

    /** A fork's sink, which flushes every event. */
    EventSink(OutputStream socket) {
        this(socket, true);
    }

    /**
     * @param flushEach false in Maven's JVM: a test's result and output wait in the buffer for the next event that
     *     moves the run on (a class's start or end, a batch, the goodbye), or a full buffer, saving the reader a
     *     wake-up per test; nothing can be lost there, as a JVM that dies takes its reader with it
     */
    EventSink(OutputStream socket, boolean flushEach) {
        this.out = new DataOutputStream(new BufferedOutputStream(socket, 64 * 1024));
        this.flushEach = flushEach;
    }

    /** Sends one event; in a fork at once, so that the Maven side sees it even if the fork dies right after. */
    synchronized void send(ForkEvent event) {
        try {
            ForkEventCodec.write(out, event);
            if (flushEach || !(event instanceof ForkEvent.TestFinished || event instanceof ForkEvent.Output)) {
                out.flush();
            }
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
