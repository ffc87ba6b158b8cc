package ci.fast.maven.fork;

import ci.fast.maven.booter.ForkEvent;
import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.report.ClassResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts one fork, takes in its events and output until it ends, and accounts for whatever it held if it died. Every
 * wait is bounded: the connect by {@link ForkOptions#connectTimeout}, the JVM's exit once its stream closed by
 * {@link ForkOptions#exitTimeout}, the output pumps by {@link #DRAIN_TIMEOUT}.
 */
public final class ForkProcess {
    /** How long the pumps may take to read what an ended JVM left in its pipes. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final int number;
    private final ForkOptions options;
    private final Secret secret;
    private final Consumer<ClassResult> completed;
    private final Consumer<String> log;
    private final Consumer<String> running;

    /**
     * @param completed receives each class result as it completes, on the fork's reader threads
     * @param log receives lines the fork printed outside any test class, and the fork's own troubles
     * @param running receives the name of each class container the fork starts, for Surefire's {@code Running} line
     */
    public ForkProcess(
            int number,
            ForkOptions options,
            Secret secret,
            Consumer<ClassResult> completed,
            Consumer<String> log,
            Consumer<String> running) {
        this.number = number;
        this.options = options;
        this.secret = secret;
        this.completed = completed;
        this.log = log;
        this.running = running;
    }

    /**
     * Runs the fork to its end; never throws for what the fork does, only for what the machine refuses.
     *
     * @param template the fork's settings but for the nonce, which is the fork's own
     */
    public ForkResult run(ForkSettings template) throws IOException, InterruptedException {
        return run(template, null);
    }

    /**
     * Runs the fork to its end, as {@link #run(ForkSettings)}, as a node of the orchestrator at {@code server}: the
     * settings go as soon as the fork connects back, the address in a {@link ci.fast.maven.booter.ServerFrame} once
     * {@code server} gives it, since a local run's server may still be starting while the JVM starts.
     *
     * @param template a node's settings, their server left empty, but for the nonce
     * @param server asked for once the settings are sent; null when {@code template} needs no server frame
     */
    public ForkResult run(ForkSettings template, Supplier<String> server) throws IOException, InterruptedException {
        ClassAssembler assembler = new ClassAssembler(completed, text -> log.accept(text.stripTrailing()), running);
        Files.createDirectories(options.scratch());
        // A unique name: two builds of one checkout (two nodes on one machine) must not share a fork's file.
        Path argFile = Files.createTempFile(options.scratch(), "fork-" + number + "-", ".args");
        String nonce = UUID.randomUUID().toString();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProcessBuilder builder = new ProcessBuilder(
                            ForkCommand.build(options, number, argFile, socket.getLocalPort()))
                    .directory(options.workingDirectory().toFile());
            // Surefire's order: Maven's environment less the excluded variables, then the configured ones.
            builder.environment().keySet().removeAll(options.excludedEnvironment());
            builder.environment().putAll(options.environment());
            builder.environment().put(ForkSettings.SECRET_ENV, secret.reveal());
            StartupTrace.mark("maven.spawn");
            Process process = builder.start();
            Watchdog watchdog = Watchdog.start(process, options.timeout());
            try {
                return supervise(process, socket, assembler, template.withNonce(nonce), server, watchdog);
            } finally {
                watchdog.cancel();
                // Ordering: a fork that outlived its streams (or a failure here) must not outlive the build.
                ProcessTree.kill(process);
            }
        } finally {
            // Read once at start-up; kept, they would pile up in the scratch directory run after run.
            Files.deleteIfExists(argFile);
        }
    }

    private ForkResult supervise(
            Process process,
            ServerSocket socket,
            ClassAssembler assembler,
            ForkSettings settings,
            Supplier<String> server,
            Watchdog watchdog)
            throws IOException, InterruptedException {
        process.getOutputStream().close();
        Thread out = start("out", new NativeOutputPump(process.getInputStream(), false, settings.nonce(), assembler));
        Thread err = start("err", new NativeOutputPump(process.getErrorStream(), true, settings.nonce(), assembler));
        ForkEvent.NodeEnded goodbye = null;
        boolean connected;
        try (Socket events = accept(socket, process)) {
            StartupTrace.mark("maven.accepted");
            connected = events != null;
            if (connected) {
                goodbye = EventStream.run(events, settings, server, assembler);
            }
        }
        StartupTrace.mark("maven.stream-ended");
        // The connect timeout passed with the JVM still running: it hangs before the booter's main, or elsewhere.
        boolean neverConnected = !connected && process.isAlive();
        boolean hung = false;
        if (neverConnected) {
            ProcessTree.kill(process);
        } else if (!process.waitFor(options.exitTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
            hung = true; // a test's non-daemon thread, or a shutdown hook that never ends
            ProcessTree.kill(process);
        }
        int exit = ProcessTree.reap(process);
        StartupTrace.mark("maven.fork-exited");
        // Ordering: the pumps finish before the fork is judged, so that its last output is in the reports.
        drain(out);
        drain(err);
        if (goodbye != null) {
            if (hung) {
                log.accept("fork " + number + " did not exit within "
                        + options.exitTimeout().toSeconds()
                        + " s of its end (forkedProcessExitTimeoutInSeconds) and was killed");
            }
            return ForkResult.ended(number, goodbye.failure(), assembler.outcomes());
        }
        ForkExit end = exit(neverConnected, hung, exit, watchdog);
        ClassAssembler.Abandoned abandoned = assembler.abandon(end.failure());
        return new ForkResult(
                number, end, abandoned.lost(), abandoned.unstarted(), abandoned.carried(), assembler.token());
    }

    /** Why a fork that never said goodbye ended; the watchdog's kill explains any exit code that follows it. */
    private ForkExit exit(boolean neverConnected, boolean hung, int exit, Watchdog watchdog) {
        if (watchdog.fired()) {
            return watchdog.exit();
        }
        if (neverConnected) {
            return new ForkExit.NeverConnected(options.connectTimeout());
        }
        if (hung) {
            return new ForkExit.Crashed(
                    exit,
                    "the forked JVM closed its event stream but did not exit within "
                            + options.exitTimeout().toSeconds()
                            + " s (forkedProcessExitTimeoutInSeconds) and was killed");
        }
        return new ForkExit.Crashed(exit, ExitCause.describe(exit));
    }

    /** Waits for the fork to connect back; null if it died or timed out first. */
    private Socket accept(ServerSocket server, Process process) throws IOException {
        server.setSoTimeout(200);
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                // poll the process again
            }
        }
        return null;
    }

    /** A pump ends when the JVM's pipe closes; a process the fork started may hold it open, so the wait is bounded. */
    private void drain(Thread pump) throws InterruptedException {
        pump.join(DRAIN_TIMEOUT.toMillis());
        if (pump.isAlive()) {
            log.accept("fork " + number + "'s " + pump.getName() + " stayed open " + DRAIN_TIMEOUT.toSeconds()
                    + " s after its JVM ended (a process it started holds it?): its last output may be missing");
        }
    }

    private Thread start(String stream, Runnable pump) {
        Thread thread = new Thread(pump, "fast-ci-fork-" + number + "-" + stream);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
