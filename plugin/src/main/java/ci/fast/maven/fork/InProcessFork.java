package ci.fast.maven.fork;

import ci.fast.maven.booter.ForkEvent;
import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.booter.ForkedBooter;
import ci.fast.maven.booter.InProcessBooter;
import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.report.ClassResult;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A node in Maven's own JVM ({@code forkCount=0}), in place of a {@link ForkProcess}: the booter runs on a thread of
 * its own, loaded with the tests by a fresh loader whose parent is the platform loader, so that neither Maven's nor
 * the plugin's classes are in the tests' sight; it connects back on loopback and sends its events as a fork does,
 * and the same {@link ClassAssembler} takes them in. The system properties are set for the run and restored after
 * it, as Surefire does in-process.
 *
 * <p>Bounded as a fork is, but for the tests themselves (no JVM to kill: a test that never ends holds the build, as
 * under Surefire): the booter's connect by {@link ForkOptions#DEFAULT_CONNECT_TIMEOUT}, its thread's end once the
 * stream closed by the exit timeout.
 */
public final class InProcessFork {
    private final int number;
    private final InProcessOptions options;
    private final Duration exitTimeout;
    private final Secret secret;
    private final Consumer<ClassResult> completed;
    private final Consumer<String> log;
    private final Consumer<String> running;

    /**
     * @param exitTimeout how long the node's thread may take to end once its event stream closed
     * @param completed receives each class result as it completes, on the calling thread
     * @param log receives lines the tests printed outside any test class, and the node's own troubles
     * @param running receives the name of each class container the node starts, for Surefire's {@code Running} line
     */
    public InProcessFork(
            int number,
            InProcessOptions options,
            Duration exitTimeout,
            Secret secret,
            Consumer<ClassResult> completed,
            Consumer<String> log,
            Consumer<String> running) {
        this.number = number;
        this.options = options;
        this.exitTimeout = exitTimeout;
        this.secret = secret;
        this.completed = completed;
        this.log = log;
        this.running = running;
    }

    /**
     * Runs the node to its end, as {@link ForkProcess#run(ForkSettings, Supplier)}; Maven's system properties and
     * standard streams are as they were when it returns.
     *
     * @param server asked for once the settings are sent; null when {@code template} needs no server frame
     */
    public ForkResult run(ForkSettings template, Supplier<String> server) throws IOException, InterruptedException {
        ClassAssembler assembler = new ClassAssembler(completed, text -> log.accept(text.stripTrailing()), running);
        // No native streams of its own: a class is complete on its finish event alone.
        assembler.nativeClosed(false);
        assembler.nativeClosed(true);
        String nonce = UUID.randomUUID().toString();
        Properties properties = (Properties) System.getProperties().clone();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (ServerSocket events = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            options.systemProperties().forEach(System::setProperty);
            // As a fork's: the key Maven may hold as a system property (-DfastCi.secretKey) is not the tests' to see.
            ForkSystemProperties.WITHHELD.forEach(System::clearProperty);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            Thread node = start(events.getLocalPort(), thrown);
            ForkEvent.NodeEnded goodbye = null;
            try (Socket socket = accept(events, node)) {
                if (socket != null) {
                    goodbye = EventStream.run(socket, template.withNonce(nonce), server, assembler, true);
                }
            } finally {
                // Its stream closed, whatever ended it (no server to send): the booter's thread is past its goodbye,
                // or fails at once on the closed socket; Maven's streams and properties come back only after it.
                node.join(exitTimeout.toMillis());
            }
            if (node.isAlive()) {
                log.accept("the tests' thread in Maven's JVM did not end within " + exitTimeout.toSeconds()
                        + " s of its end (forkedProcessExitTimeoutInSeconds); it is left running");
            }
            if (goodbye != null) {
                return ForkResult.ended(number, goodbye.failure(), assembler.outcomes());
            }
            Throwable failure = thrown.get();
            ForkExit end = new ForkExit.Crashed(
                    -1,
                    failure == null
                            ? "the tests' thread in Maven's JVM ended without a result"
                            : "the tests failed in Maven's JVM: " + ForkedBooter.withCauses(failure));
            ClassAssembler.Abandoned abandoned = assembler.abandon(end.failure());
            return new ForkResult(
                    number, end, abandoned.lost(), abandoned.unstarted(), abandoned.carried(), assembler.token());
        } finally {
            // Ordering: after the node's thread, so that its tests saw their properties to the end (Surefire's way).
            System.setProperties(properties);
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The booter's thread, with the tests' loader as its context loader, as a fork's main thread has its own. */
    private Thread start(int port, AtomicReference<Throwable> thrown) {
        ClassLoader tests = loader();
        Thread node = new Thread(
                () -> {
                    try {
                        tests.loadClass(InProcessBooter.class.getName())
                                .getMethod("run", int.class, String.class, ThreadLocal.class)
                                .invoke(null, port, secret.reveal(), MavenWrites.WRITING);
                    } catch (InvocationTargetException e) {
                        thrown.set(e.getCause());
                    } catch (Throwable t) {
                        thrown.set(t);
                    }
                },
                "fast-ci-node-" + number);
        node.setContextClassLoader(tests);
        // A daemon: a test's thread that never ends must not keep Maven's JVM from exiting, no more than a fork would.
        node.setDaemon(true);
        StartupTrace.mark("maven.spawn");
        node.start();
        return node;
    }

    /**
     * The tests' loader, a new one for each node as a fork is a new JVM; never closed, as Surefire's is not: a test's
     * thread may still load classes after the run.
     */
    private ClassLoader loader() {
        URL[] urls = options.classPath().stream().map(InProcessFork::url).toArray(URL[]::new);
        // Unnamed, as a fork's system loader and Surefire's in-process one: a named loader shows in every stack frame.
        URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
        loader.setDefaultAssertionStatus(options.enableAssertions());
        return loader;
    }

    /** Waits for the booter to connect back; null if its thread ended or the connect timeout passed first. */
    private static Socket accept(ServerSocket server, Thread node) throws IOException {
        server.setSoTimeout(200);
        long deadline = System.nanoTime() + ForkOptions.DEFAULT_CONNECT_TIMEOUT.toNanos();
        while (node.isAlive() && System.nanoTime() < deadline) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                // look at the thread again
            }
        }
        return null;
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(path.toString(), e);
        }
    }
}
