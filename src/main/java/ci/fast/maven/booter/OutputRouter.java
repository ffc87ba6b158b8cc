package ci.fast.maven.booter;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Captures what tests print. {@code System.out} and {@code System.err} are replaced by streams that send the bytes
 * to Maven as {@link ForkEvent.Output} of the class running now, naming the test running on the printing thread
 * (as Surefire, which reports a test's output in its own testcase). Output that bypasses them (native code, a child
 * process inheriting the descriptors) reaches the fork's real stdout and stderr; markers written there at each
 * class's start and end tell the Maven side which class it belongs to.
 */
final class OutputRouter {
    private final EventSink sink;
    private final String nonce;
    private final PrintStream nativeOut =
            new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    private final PrintStream nativeErr =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    /** The class whose output is being captured; "" between classes. */
    private volatile String current = "";
    /** The token of the test running on each thread; null where none runs. */
    private final ThreadLocal<String> test = new ThreadLocal<>();

    private final AtomicLong tokens = new AtomicLong();

    OutputRouter(EventSink sink, String nonce) {
        this.sink = sink;
        this.nonce = nonce;
    }

    /** Replaces System.out and System.err for the rest of the fork's life. */
    void install() {
        System.setOut(new PrintStream(new Capture(false), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Capture(true), true, StandardCharsets.UTF_8));
    }

    /** Output from now on belongs to {@code key}. */
    void enter(String key) {
        current = key;
        mark(Markers.START, key);
    }

    /** {@code key} is done: flush what it printed and mark the end on the native streams. */
    void exit(String key) {
        System.out.flush();
        System.err.flush();
        mark(Markers.END, key);
        current = "";
    }

    /** Output from now on belongs to {@code key} again, after its end marker: a rerun of its failed tests. */
    void resume(String key) {
        current = key;
    }

    /** A rerun is done: output belongs to no class. */
    void suspend() {
        System.out.flush();
        System.err.flush();
        current = "";
    }

    /**
     * A test starts on this thread: what the thread prints until {@link #testFinished} is that test's. Returns the
     * token naming this run of it, unique in the fork, to send with its outcome.
     */
    String testStarted() {
        String token = Long.toString(tokens.incrementAndGet());
        test.set(token);
        return token;
    }

    /** The test running on this thread is done: the thread's later output belongs to no test. */
    void testFinished() {
        test.remove();
    }

    private void mark(char phase, String key) {
        String marker = Markers.line(nonce, phase, key);
        nativeOut.print(marker);
        nativeOut.flush();
        nativeErr.print(marker);
        nativeErr.flush();
    }

    private final class Capture extends OutputStream {
        private final boolean stderr;

        Capture(boolean stderr) {
            this.stderr = stderr;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
            if (len > 0) {
                sink.send(new ForkEvent.Output(current, test.get(), stderr, Arrays.copyOfRange(bytes, off, off + len)));
            }
        }

        @Override
        public void flush() throws IOException {
            // every write is sent at once
        }
    }
}
