package ci.fast.maven.booter;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The forked JVM's entry point. It runs with the tests' class path on the system class loader, connects back to the
 * Maven side, reads its {@link ForkSettings} as the first frame there, captures test output, and runs one node of the
 * orchestrated run, or (when forks are not reused) the classes the Maven side assigned it. A node's settings may leave
 * the server's address to a second frame, {@link ServerFrame}, which the Maven side sends once its server is up.
 *
 * <p>Usage: {@code java -cp <tests' class path + booter> ci.fast.maven.booter.ForkedBooter <event port>}, with the
 * secret key in the environment variable {@link ForkSettings#SECRET_ENV}.
 */
public final class ForkedBooter {
    /** The Maven side sends the settings as soon as it accepts; longer means it is gone. */
    static final Duration SETTINGS_TIMEOUT = Duration.ofSeconds(60);

    private ForkedBooter() {}

    public static void main(String[] args) throws Exception {
        StartupTrace.mark("fork.main");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
        serve(socket, System.getenv(ForkSettings.SECRET_ENV), null);
        StartupTrace.mark("fork.exit");
        // exit, not halt: shutdown hooks (coverage agents among them) must run. Tests' non-daemon threads must not.
        System.exit(0);
    }

    /**
     * Reads the settings from {@code socket}, runs the node (or the assigned classes) with test output captured, and
     * says goodbye: the part a fork and a node in Maven's JVM ({@link InProcessBooter}) share.
     *
     * @param mavenWrites in Maven's JVM, the mark of Maven's own writes, which pass by the capture (Maven gets its
     *     streams back at the end); null in a fork
     */
    static void serve(Socket socket, String secret, ThreadLocal<Boolean> mavenWrites) throws IOException {
        socket.setSoTimeout((int) SETTINGS_TIMEOUT.toMillis());
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        ForkSettings settings = SettingsCodec.read(in, ForkSettings.class);
        StartupTrace.mark("fork.settings");
        Supplier<String> server = settings.serverFollows() ? new FollowingServer(socket, in) : settings::server;
        String failure;
        try (EventSink sink = new EventSink(socket.getOutputStream(), mavenWrites == null)) {
            OutputRouter router = mavenWrites == null
                    ? new OutputRouter(sink, settings.nonce())
                    : OutputRouter.inMavenJvm(sink, mavenWrites);
            router.install();
            // The session closes before the goodbye: a framework that stops in its session listener is done by then.
            try (PlatformTests tests = new PlatformTests(sink, router, settings.tests(), settings.isolatedPath())) {
                failure = settings.assigned().isEmpty()
                        ? runNode(settings, server, secret, sink, tests)
                        : runAssigned(settings.assigned(), settings.skipReason(), sink, tests);
                StartupTrace.mark("fork.finished");
            } catch (Throwable t) {
                failure = "the fork failed: " + withCauses(t);
            } finally {
                router.uninstall();
            }
            sink.send(new ForkEvent.NodeEnded(failure));
        }
        StartupTrace.mark("fork.goodbye");
    }

    /** A failure and its causes in one line: a launcher's error says what went wrong only in its cause. */
    public static String withCauses(Throwable t) {
        StringBuilder line = new StringBuilder(t.toString());
        int depth = 0;
        for (Throwable cause = t.getCause(); cause != null && cause != t && depth < 5; cause = cause.getCause()) {
            line.append("; caused by ").append(cause);
            depth++;
        }
        return line.toString();
    }

    /**
     * Runs the classes the Maven side handed this fork (reuseForks=false), announced as a batch so that the Maven side
     * accounts for them as for a node's; no node, no server. With a {@code skipReason} they are reported skipped, not
     * run.
     */
    private static String runAssigned(List<String> classes, String skipReason, EventSink sink, PlatformTests tests) {
        sink.send(new ForkEvent.Batch(classes));
        if (skipReason.isEmpty()) {
            asTests(tests::run).apply(classes);
        } else {
            asTests(batch -> tests.skip(batch, skipReason)).apply(classes);
        }
        return null;
    }

    /**
     * @param server the orchestrator's address; it may block until the Maven side sends it, which the node asks for
     *     only once its loader is made and its classes loaded
     * @param secret the secret key, which a fork has from its environment and a node in Maven's JVM as an argument
     */
    private static String runNode(
            ForkSettings settings, Supplier<String> server, String secret, EventSink sink, PlatformTests tests)
            throws ReflectiveOperationException {
        Map<String, Object> bridge = new HashMap<>();
        bridge.put(NodeBridge.RUN, asTests((Function<List<String>, Object>) classes -> {
            StartupTrace.mark("fork.run");
            return tests.run(classes);
        }));
        bridge.put(NodeBridge.JOINED, (Consumer<Integer>) index -> {
            StartupTrace.mark("fork.joined");
            sink.send(new ForkEvent.Joined(index));
        });
        bridge.put(NodeBridge.RECONNECTED, (Runnable) () -> sink.send(new ForkEvent.Reconnected()));
        bridge.put(NodeBridge.NAMED, (Consumer<String>) token -> sink.send(new ForkEvent.Named(token)));
        bridge.put(NodeBridge.BATCH_RECEIVED, (Consumer<List<String>>) batch -> {
            StartupTrace.mark("fork.batch");
            sink.send(new ForkEvent.Batch(batch));
        });
        Map<String, Object> input = new HashMap<>();
        input.put(NodeBridge.SERVER, server);
        input.put(NodeBridge.SECRET_KEY, secret);
        input.put(NodeBridge.PARAMS, settings.params());
        input.put(NodeBridge.CLASSES, settings.classes());
        input.put(NodeBridge.CARRIED, settings.carried());
        input.put(NodeBridge.CI_NODE, settings.ciNode());
        input.put(NodeBridge.TAKE_OVER, settings.takeOver());
        input.put(NodeBridge.TESTS, bridge);
        StartupTrace.mark("fork.node");
        String result = IsolatedNode.run(settings.isolatedPath(), input);
        return NodeBridge.RUN_FINISHED.equals(result) ? null : result;
    }

    /** Runs a test-side call with the tests' own loader as the context loader, as Surefire does. */
    private static Function<List<String>, Object> asTests(Function<List<String>, Object> call) {
        return classes -> withTestsLoader(() -> call.apply(classes));
    }

    private static <T> T withTestsLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TestsLoader.get());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
