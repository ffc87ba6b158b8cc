package ci.fast.maven.run;

import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.fork.ForkExit;
import ci.fast.maven.fork.ForkProcess;
import ci.fast.maven.fork.ForkResult;
import ci.fast.maven.fork.InProcessFork;
import ci.fast.maven.orchestration.Payloads;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * This machine's forks, each a node of one run on the orchestrator at {@code server}, started together. A fork that
 * dies is replaced, up to {@link #replacements} times per run, by a fork that carries the dead one's unsent results
 * to the server and goes on with the queue. When forks are not reused, {@link FreshForks} runs them instead.
 */
final class Fleet {
    private Fleet() {}

    /**
     * How many forks may replace dead ones in one run, three per fork: enough for a few crashing classes, few enough that a suite
     * whose every class kills its JVM ends soon.
     */
    static int replacements(int forkCount) {
        return 3 * forkCount;
    }

    /**
     * Runs every fork, and every replacement, to its end; their class results go to {@code sink} as they complete.
     *
     * @param server the orchestrator's address, asked for once a fork has connected back (a local run's server starts
     *     while the forks' JVMs do); it may throw {@link java.io.UncheckedIOException} saying why there is none
     * @param recorder takes a dead fork's unsent results and its unstarted classes straight to the server when it is
     *     in this JVM (local mode); null when the server is remote, and its replacement fork carries the results
     * @param ciNode which CI node this machine is, for our server (PROTOCOL.md section 5); empty when unknown
     * @return one line per fork that failed, naming what it lost
     */
    static List<String> run(
            RunPlan plan,
            Supplier<URI> server,
            Secret secret,
            Map<String, String> params,
            Map<String, String> ciNode,
            ResultSink sink,
            RunLog log,
            BiConsumer<JsonObject, List<String>> recorder)
            throws IOException, InterruptedException {
        if (!plan.reuseForks() && plan.inProcess() == null) {
            return FreshForks.run(
                    plan,
                    template(plan, server.get(), params, ciNode),
                    new ServerAddress(server.get(), secret, params),
                    sink,
                    log);
        }
        // The server's address follows each fork's settings, once the server is up (ForkProcess).
        ForkSettings template = template(plan, null, params, ciNode);
        Supplier<String> address = () -> server.get().toString();
        ExecutorService pool = Executors.newCachedThreadPool();
        CompletionService<ForkResult> forks = new ExecutorCompletionService<>(pool);
        List<String> problems = new ArrayList<>();
        try {
            int started = 0;
            for (; started < plan.forkCount(); started++) {
                submit(forks, started + 1, template, address, plan, secret, sink, log);
            }
            int running = started;
            int replacements = 0;
            int bound = replacements(plan.forkCount());
            while (running > 0) {
                ForkResult fork = forks.take().get();
                running--;
                ForkExit exit = fork.exit();
                if (exit instanceof ForkExit.Completed) {
                    continue;
                }
                problems.add(problem(fork));
                if (!exit.died()) {
                    continue; // its node gave up: a replacement would meet the same refusal
                }
                // Crashed, TimedOut or NeverConnected: its classes are accounted for, a replacement takes its queue.
                String carried = carry(fork, recorder);
                String failure = exit.failure();
                if (replacements < bound) {
                    replacements++;
                    started++;
                    log.warn("fork " + fork.number() + " died (" + failure + "); fork " + started + " replaces it");
                    submit(
                            forks,
                            started,
                            replacement(template, fork, carried, recorder),
                            address,
                            plan,
                            secret,
                            sink,
                            log);
                    running++;
                } else {
                    log.warn("fork " + fork.number() + " died (" + failure + "); no replacement left (" + bound
                            + " used)");
                }
            }
            problems.addAll(sink.notLoaded());
            return problems;
        } catch (ExecutionException e) {
            throw new IOException("a fork could not be started: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A dead fork's replacement's settings. In remote mode, a fork that died before it started any class of its batch
     * has nothing to carry that would tell the server its node is gone, so the server would keep the batch for the
     * node's reconnect grace: its replacement takes the node over instead, with the token our server named it with,
     * and is handed the batch at once. Otherwise a node of its own, carrying what the dead fork left unsent.
     */
    private static ForkSettings replacement(
            ForkSettings template, ForkResult dead, String carried, BiConsumer<JsonObject, List<String>> recorder) {
        if (recorder == null && carried.isEmpty() && dead.lost().isEmpty() && dead.token() != null) {
            return template.takingOver(dead.token());
        }
        return template.carrying(carried);
    }

    /**
     * Every fork's settings but for its nonce (and, when forks are not reused, its class).
     *
     * @param server null for a node's, whose address follows its settings ({@link ForkSettings#serverFollows})
     */
    static ForkSettings template(RunPlan plan, URI server, Map<String, String> params, Map<String, String> ciNode) {
        return new ForkSettings(
                "",
                plan.forks().isolatedPath(),
                server == null ? "" : server.toString(),
                params,
                plan.classes(),
                "",
                plan.tests(),
                List.of(),
                "",
                ciNode,
                "");
    }

    /** The line naming how a fork failed and what it lost. */
    static String problem(ForkResult fork) {
        return "fork " + fork.number() + ": " + fork.exit().failure()
                + (fork.lost().isEmpty() ? "" : "; lost " + String.join(", ", fork.lost()));
    }

    /**
     * Gets a dead fork's unsent results to the server: straight away through {@code recorder} when there is one, so
     * that the class that killed the fork is not handed to another; else as the JSON text its replacement carries.
     */
    private static String carry(ForkResult fork, BiConsumer<JsonObject, List<String>> recorder) {
        JsonObject results = Payloads.carried(fork.carried());
        if (recorder != null) {
            recorder.accept(results, fork.unstarted());
            return "";
        }
        if (fork.carried().isEmpty()) {
            return "";
        }
        return results.toString();
    }

    private static void submit(
            CompletionService<ForkResult> forks,
            int number,
            ForkSettings config,
            Supplier<String> server,
            RunPlan plan,
            Secret secret,
            ResultSink sink,
            RunLog log) {
        forks.submit(() -> runNode(number, plan, secret, sink, log, config, server));
    }

    /**
     * Runs node {@code number} to its end: a fork, or with {@code forkCount=0} a node in Maven's JVM (which, as under
     * Surefire, runs every class whatever {@code reuseForks} says).
     */
    static ForkResult runNode(
            int number,
            RunPlan plan,
            Secret secret,
            ResultSink sink,
            RunLog log,
            ForkSettings config,
            Supplier<String> server)
            throws IOException, InterruptedException {
        if (plan.inProcess() != null) {
            return new InProcessFork(
                            number,
                            plan.inProcess(),
                            plan.forks().exitTimeout(),
                            secret,
                            sink.fork(number),
                            log::info,
                            runningLines(plan, log))
                    .run(config, server);
        }
        return new ForkProcess(number, plan.forks(), secret, sink.fork(number), log::info, runningLines(plan, log))
                .run(config, server);
    }

    /** Where a fork's "Running" lines go: Surefire's statelessTestsetInfoReporter writes them; disabled, nowhere. */
    static Consumer<String> runningLines(RunPlan plan, RunLog log) {
        return plan.reports().testsetInfo() ? name -> log.info("Running " + name) : name -> {};
    }
}
