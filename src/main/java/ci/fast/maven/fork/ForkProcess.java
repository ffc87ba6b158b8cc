package ci.fast.maven.fork;

import ci.fast.maven.booter.BooterConfig;
import ci.fast.maven.booter.ForkEvent;
import ci.fast.maven.booter.ForkEventCodec;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.report.ClassResult;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Starts one fork, takes in its events and output until it ends, and accounts for whatever it held if it died.
 */
public final class ForkProcess {
    /** How long a fork may take to connect back before it is declared broken. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final int number;
    private final ForkOptions options;
    private final Secret secret;
    private final Consumer<ClassResult> completed;
    private final Consumer<String> log;

    /**
     * @param completed receives each class result as it completes, on the fork's reader threads
     * @param log receives lines the fork printed outside any test class, and the fork's own troubles
     */
    public ForkProcess(
            int number, ForkOptions options, Secret secret, Consumer<ClassResult> completed, Consumer<String> log) {
        this.number = number;
        this.options = options;
        this.secret = secret;
        this.completed = completed;
        this.log = log;
    }

    /**
     * Runs the fork to its end; never throws for what the fork does, only for what the machine refuses.
     *
     * @param template the booter's configuration but for the event port and the nonce, which are the fork's own
     */
    public ForkResult run(BooterConfig template) throws IOException, InterruptedException {
        ClassAssembler assembler = new ClassAssembler(
                completed, text -> log.accept(text.stripTrailing()), key -> log.accept("Running " + key));
        Files.createDirectories(options.scratch());
        // Unique names: two builds of one checkout (two nodes on one machine) must not share a fork's files.
        Path configFile = Files.createTempFile(options.scratch(), "fork-" + number + "-", ".properties");
        Path argFile = Files.createTempFile(options.scratch(), "fork-" + number + "-", ".args");
        String nonce = UUID.randomUUID().toString();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            new BooterConfig(
                            server.getLocalPort(),
                            nonce,
                            template.isolatedPath(),
                            template.server(),
                            template.params(),
                            template.classes(),
                            template.filters(),
                            template.carried())
                    .write(configFile);
            ProcessBuilder builder = new ProcessBuilder(ForkCommand.build(options, number, argFile, configFile))
                    .directory(options.workingDirectory().toFile());
            builder.environment().putAll(options.environment());
            builder.environment().put(BooterConfig.SECRET_ENV, secret.reveal());
            Process process = builder.start();
            Watchdog watchdog = Watchdog.start(process, options.timeout());
            try {
                return supervise(process, server, assembler, nonce, watchdog);
            } finally {
                watchdog.cancel();
                // Ordering: a fork that outlived its streams (or a failure here) must not outlive the build.
                process.destroyForcibly();
            }
        } finally {
            // Read once at start-up; kept, they would pile up in the scratch directory run after run.
            Files.deleteIfExists(configFile);
            Files.deleteIfExists(argFile);
        }
    }

    private ForkResult supervise(
            Process process, ServerSocket server, ClassAssembler assembler, String nonce, Watchdog watchdog)
            throws IOException, InterruptedException {
        process.getOutputStream().close();
        Thread out = start("out", new NativeOutputPump(process.getInputStream(), false, nonce, assembler));
        Thread err = start("err", new NativeOutputPump(process.getErrorStream(), true, nonce, assembler));
        String failure = null;
        boolean ended = false;
        try (Socket socket = accept(server, process)) {
            if (socket != null) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
                for (ForkEvent event = read(in); event != null; event = read(in)) {
                    if (event instanceof ForkEvent.NodeEnded end) {
                        ended = true;
                        failure = end.failure();
                    } else {
                        assembler.event(event);
                    }
                }
            }
        }
        int exit = process.waitFor();
        // Ordering: the pumps finish before the fork is judged, so that its last output is in the reports.
        out.join();
        err.join();
        if (ended) {
            return ForkResult.ended(number, failure);
        }
        String cause = watchdog.fired() ? watchdog.describe() : ExitCause.describe(exit);
        ClassAssembler.Abandoned abandoned = assembler.abandon(cause);
        return new ForkResult(number, cause, true, abandoned.lost(), abandoned.unstarted(), abandoned.carried());
    }

    /** Waits for the fork to connect back; null if it died or timed out first. */
    private static Socket accept(ServerSocket server, Process process) throws IOException {
        server.setSoTimeout(200);
        long deadline = System.nanoTime() + CONNECT_TIMEOUT.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                // poll the process again
            }
        }
        return null;
    }

    private static ForkEvent read(DataInputStream in) {
        try {
            return ForkEventCodec.read(in);
        } catch (IOException e) {
            return null; // a broken stream is a dead fork; the exit code tells the rest
        }
    }

    private Thread start(String stream, Runnable pump) {
        Thread thread = new Thread(pump, "fast-ci-fork-" + number + "-" + stream);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
