package ci.fast.maven.booter;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The forked JVM's entry point. It runs with the tests' class path on the system class loader, connects back to the
 * Maven side, captures test output, and runs one node of the orchestrated run.
 *
 * <p>Usage: {@code java -cp <tests' class path + booter> ci.fast.maven.booter.ForkedBooter <config file>}, with the
 * secret key in the environment variable {@link BooterConfig#SECRET_ENV}.
 */
public final class ForkedBooter {
    private ForkedBooter() {}

    public static void main(String[] args) throws Exception {
        BooterConfig config = BooterConfig.read(Path.of(args[0]));
        String failure;
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), config.mojoPort());
        try (EventSink sink = new EventSink(socket.getOutputStream())) {
            OutputRouter output = new OutputRouter(sink, config.nonce());
            output.install();
            try {
                failure = runNode(
                        config,
                        sink,
                        new PlatformTests(
                                sink,
                                output,
                                LauncherFilters.of(config.filters(), config.isolatedPath()),
                                Reruns.count()));
            } catch (Throwable t) {
                failure = "the fork failed: " + t;
            }
            sink.send(new ForkEvent.NodeEnded(failure));
        }
        // exit, not halt: shutdown hooks (coverage agents among them) must run. Tests' non-daemon threads must not.
        System.exit(0);
    }

    private static String runNode(BooterConfig config, EventSink sink, PlatformTests tests)
            throws ReflectiveOperationException {
        Map<String, Object> bridge = new HashMap<>();
        bridge.put("run", asTests((Function<List<String>, Object>) tests::run));
        bridge.put("joined", (Consumer<Integer>) index -> sink.send(new ForkEvent.Joined(index)));
        bridge.put("batchReceived", (Consumer<List<String>>) batch -> sink.send(new ForkEvent.Batch(batch)));
        Map<String, Object> input = new HashMap<>();
        input.put("server", config.server());
        input.put("secretKey", System.getenv(BooterConfig.SECRET_ENV));
        input.put("params", config.params());
        input.put("classes", config.classes());
        input.put("carried", config.carried());
        input.put("tests", bridge);
        String result = IsolatedNode.run(config.isolatedPath(), input);
        return "run finished".equals(result) ? null : result;
    }

    /** Runs a test-side call with the tests' own loader as the context loader, as Surefire does. */
    private static Function<List<String>, Object> asTests(Function<List<String>, Object> call) {
        return classes -> withTestsLoader(() -> call.apply(classes));
    }

    private static <T> T withTestsLoader(Supplier<T> call) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return call.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
