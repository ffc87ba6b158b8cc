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
 *
 * <p>In Maven's own JVM ({@code forkCount=0}, {@link #inMavenJvm}) there are no native streams of the node's own and
 * no markers: every write is captured, from any thread, as Surefire's in-process run captures them, but for those
 * Maven's side marks as its own (its log, its console lines), which go to Maven's streams as before; those come back
 * when the node is done.
 */
final class OutputRouter {
    private final EventSink sink;
    private final String nonce;
    /** The fork's own standard streams, where the markers go; null in Maven's JVM, whose streams are Maven's. */
    private final PrintStream nativeOut;

    private final PrintStream nativeErr;
    /** Whether this JVM is Maven's, where {@link #mavenWrites} pass by the capture. */
    private final boolean inMavenJvm;
    /** TRUE on a thread while Maven's side writes; null in a fork. */
    private final ThreadLocal<Boolean> mavenWrites;
    /** Maven's streams, saved by {@link #install}; null in a fork. */
    private volatile PrintStream mavenOut;

    private volatile PrintStream mavenErr;
    /** Set by {@link #uninstall}: a test's thread still writing to a stream it kept gets Maven's stream from then on. */
    private volatile boolean uninstalled;
    /** The class whose output is being captured; "" between classes. */
    private volatile String current = "";
    /** The token of the test running on each thread; null where none runs. */
    private final ThreadLocal<String> test = new ThreadLocal<>();

    private final AtomicLong tokens = new AtomicLong();

    /** The router of a fork, whose markers carry {@code nonce}. */
    OutputRouter(EventSink sink, String nonce) {
        this(sink, nonce, null);
    }

    private OutputRouter(EventSink sink, String nonce, ThreadLocal<Boolean> mavenWrites) {
        this.sink = sink;
        this.nonce = nonce;
        this.mavenWrites = mavenWrites;
        this.inMavenJvm = mavenWrites != null;
        this.nativeOut = inMavenJvm
                ? null
                : new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        this.nativeErr = inMavenJvm
                ? null
                : new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }

    /**
     * The router of a node in Maven's JVM: its streams are Maven's, no marker is written to them.
     *
     * @param mavenWrites TRUE on a thread while Maven's side writes, which then passes by the capture
     */
    static OutputRouter inMavenJvm(EventSink sink, ThreadLocal<Boolean> mavenWrites) {
        return new OutputRouter(sink, "", mavenWrites);
    }

    /**
     * Replaces System.out and System.err: in a fork for the rest of its life; in Maven's JVM until {@link
     * #uninstall}.
     */
    void install() {
        if (inMavenJvm) {
            mavenOut = System.out;
            mavenErr = System.err;
        }
        System.setOut(new PrintStream(new Capture(false), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Capture(true), true, StandardCharsets.UTF_8));
    }

    /**
     * In Maven's JVM, gives Maven its streams back (as Surefire restores them after an in-process run); a fork keeps
     * capturing to its end.
     */
    void uninstall() {
        if (inMavenJvm) {
            uninstalled = true;
            System.setOut(mavenOut);
            System.setErr(mavenErr);
        }
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
        if (nativeOut == null) {
            return; // in Maven's JVM nothing bypasses the capture that a marker would have to place
        }
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
            if (len <= 0) {
                return;
            }
            if (passesBy()) {
                (stderr ? mavenErr : mavenOut).write(bytes, off, len);
                return;
            }
            sink.send(new ForkEvent.Output(current, test.get(), stderr, Arrays.copyOfRange(bytes, off, off + len)));
        }

        /** Whether this write is Maven's own (its log, from its threads) or comes after the node ended. */
        private boolean passesBy() {
            return inMavenJvm && (uninstalled || Boolean.TRUE.equals(mavenWrites.get()));
        }

        @Override
        public void flush() throws IOException {
            // every write is sent at once; what passed by to Maven's stream is flushed with it
            if (inMavenJvm) {
                (stderr ? mavenErr : mavenOut).flush();
            }
        }
    }
}
