package ci.fast.maven.run;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.ReportDurations;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.server.LoopbackServer;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.TimingHistory;
import ci.fast.maven.server.Timings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A run in local mode: the embedded orchestrator on loopback with a random key, and {@code forkCount} forks as its
 * nodes. Knows nothing of Maven.
 */
public final class LocalRun {
    private final RunPlan plan;
    private final RunLog log;
    /** Where the classes' durations are kept between runs; null to keep none. */
    private final Path timingsFile;
    /** Whether a class longer than its fair share is handed out in parts ({@link ClassSplit}). */
    private final boolean splitClasses;

    /** A run that keeps no timing history. */
    public LocalRun(RunPlan plan, RunLog log) {
        this(plan, log, null);
    }

    /**
     * @param timingsFile where each class's last duration is kept, to hand out the longest classes first next time;
     *     read before the run (or, when it does not exist yet, the durations in the reports directory's TEST-*.xml)
     *     and rewritten after it
     */
    public LocalRun(RunPlan plan, RunLog log, Path timingsFile) {
        this(plan, log, timingsFile, false);
    }

    /**
     * @param splitClasses {@code fastCi.splitClasses}: whether a class whose estimate exceeds its fair share runs by
     *     method, in parts, on several forks (its methods' times are kept in the history for it)
     */
    public LocalRun(RunPlan plan, RunLog log, Path timingsFile, boolean splitClasses) {
        this.plan = plan;
        this.log = InMavenJvmLog.of(plan, log);
        this.timingsFile = timingsFile;
        this.splitClasses = splitClasses;
    }

    public RunOutcome execute() throws IOException, InterruptedException {
        Secret secret = Secret.random();
        ResultSink sink = Reporting.sink(plan, log);
        // The sink counts and reports classes; the forks and the queue have the parts of split ones, whose estimates
        // come from the history, read here before the forks start. Without a split, only the orchestrator needs the
        // history: it is read on the server's thread while the forks' JVMs start.
        Timings splitBy = splitClasses ? history() : null;
        ClassSplit split = splitBy == null ? null : ClassSplit.of(plan.classes(), splitBy, plan.forkCount());
        if (split != null && split.splitsAny()) {
            log.debug("split classes: " + split.estimates().keySet());
        }
        RunPlan queued = split != null && split.splitsAny() ? plan.withClasses(split.keys()) : plan;
        // Started while the forks' JVMs start: a fork needs the server's address only once it has connected back.
        CompletableFuture<Embedded> starting = CompletableFuture.supplyAsync(() -> {
            Timings timings = splitBy != null ? splitBy : history();
            TimingHistory history = TimingHistory.of(timings);
            if (split != null && split.splitsAny()) {
                history = new SplitHistory(history, split.estimates());
            }
            Orchestrator orchestrator = Orchestrator.builder()
                    .log(log::debug)
                    .timings(history)
                    .skipAfterFailureCount(plan.tests().skipAfterFailureCount())
                    .withoutMetrics()
                    .build();
            try {
                LoopbackServer started = LoopbackServer.start(secret, orchestrator);
                StartupTrace.mark("maven.server");
                log.debug("FastCI orchestrator " + started.baseUri());
                return new Embedded(timings, orchestrator, started);
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded orchestrator cannot start on 127.0.0.1: " + e, e);
            }
        });
        Supplier<URI> server = () -> started(starting).server().baseUri();
        try {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("build_id", "local-" + UUID.randomUUID());
            params.put("run_key", plan.runKey());
            params.put("commit", "local");
            params.put("branch", "local");
            log.info("FastCI local run: " + plan.classes().size()
                    + (plan.classes().size() == 1 ? " test class" : " test classes")
                    + (plan.inProcess() != null
                            ? " in Maven's JVM (forkCount=0)"
                            : " on " + plan.forkCount() + (plan.forkCount() == 1 ? " fork" : " forks")));
            String topic = Events.topic(plan.runKey(), params.get("build_id"));
            long start = System.nanoTime();
            List<String> problems = Fleet.run(
                    queued,
                    server,
                    secret,
                    params,
                    Map.of(), // a local run is no CI node's: nothing to rerun
                    sink,
                    log,
                    (results, unstarted) -> started(starting).orchestrator().record(topic, results, unstarted));
            StartupTrace.mark("maven.fleet");
            Orchestrator orchestrator = started(starting).orchestrator();
            Timings timings = started(starting).timings();
            // Nothing lost: a class still queued when every fork has ended is reported, not forgotten; so is one
            // the server gave up on (two forks died holding it) without a fork knowing it had started it.
            for (String key : orchestrator.unfinished(topic)) {
                if (!sink.hasReported(key)) {
                    sink.accept(notRun(key, "the class was never run: every fork ended before it"));
                    problems.add(key + " was not run: no fork was left to run it");
                }
            }
            List<String> skipped = orchestrator.skippedAfterFailures(topic).stream()
                    .filter(key -> !sink.hasReported(key))
                    .toList();
            if (!skipped.isEmpty()) {
                problems.addAll(SkippedClasses.report(
                        skipped, queued, Fleet.template(queued, server.get(), params, Map.of()), secret, sink, log));
            }
            for (String key : orchestrator.lostTwice(topic)) {
                if (!sink.hasReported(key)) {
                    sink.accept(notRun(key, "the class was not run: two forks died before they started it"));
                    problems.add(key + " was not run: two forks died before they started it");
                }
            }
            sink.runFinished();
            StartupTrace.mark("maven.sink");
            log.info(String.format(
                    Locale.ROOT,
                    "FastCI local run done in %.1f s (classes ran for %.1f s): %d classes without a result on the"
                            + " orchestrator, %d duplicate results dropped",
                    (System.nanoTime() - start) / 1e9,
                    sink.span(),
                    orchestrator.unfinished(topic).size(),
                    orchestrator.duplicates(topic)));
            timings.recordAll(sink.durations()); // wall times of whole classes, as measured here
            if (splitClasses) {
                timings.recordMethods(sink.methods()); // what the next run splits classes by
            }
            timings.recordContexts(sink.contexts());
            saveHistory(timings);
            StartupTrace.mark("maven.history");
            return new RunOutcome(sink.summary(), problems);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            stop(starting);
            StartupTrace.mark("maven.stopped");
            sink.endIfRunning();
        }
    }

    /** The run's history, its orchestrator, and the embedded server that serves it, once started. */
    private record Embedded(Timings timings, Orchestrator orchestrator, LoopbackServer server) {}

    /** The embedded server once it has started; its start's failure, if it failed. */
    private static Embedded started(CompletableFuture<Embedded> starting) {
        try {
            return starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u : new UncheckedIOException(new IOException(e));
        }
    }

    /** Stops the server, having let it start if it was still starting; one that failed to start needs nothing. */
    private static void stop(CompletableFuture<Embedded> starting) {
        try {
            starting.join().server().close();
        } catch (CompletionException e) {
            // it never started: its failure is the run's, told where the address was asked for
        }
    }

    private Timings history() {
        if (timingsFile == null) {
            return Timings.of(Map.of());
        }
        Timings timings = Timings.load(timingsFile, log::warn);
        if (timings.snapshot().isEmpty()) {
            // A first run: the reports of an earlier run (Surefire's or ours) are the best history there is.
            ReportDurations.History reports = ReportDurations.read(plan.reportsDirectory());
            reports.durations()
                    .forEach((key, seconds) ->
                            timings.record(key, seconds, reports.failed().contains(key)));
        }
        log.debug("timing history: " + timings.snapshot().size() + " classes");
        return timings;
    }

    private void saveHistory(Timings timings) {
        try {
            timings.save();
        } catch (IOException e) {
            log.warn("fast-ci cannot save the timings to " + timingsFile + ": " + e.getMessage()
                    + "; the next run orders classes without them");
        }
    }

    /** A class's (or a part's, {@link ClassSplit}) result when it never ran: one error named after its class. */
    private static ClassResult notRun(String key, String message) {
        String className = SplitKey.className(key);
        TestResult error = TestResult.builder(
                        className.substring(className.lastIndexOf('.') + 1), className, Status.ERROR)
                .failure("ForkedProcessCrash", message, message)
                .build();
        return ClassResult.builder(key).tests(List.of(error)).build();
    }
}
