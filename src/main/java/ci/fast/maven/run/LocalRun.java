package ci.fast.maven.run;

import ci.fast.maven.booter.BooterConfig;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkProcess;
import ci.fast.maven.fork.ForkResult;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A run in local mode: the embedded orchestrator on loopback with a random key, and {@code forkCount} forks as its
 * nodes. Knows nothing of Maven.
 */
public final class LocalRun {
    private final RunPlan plan;
    private final RunLog log;

    public LocalRun(RunPlan plan, RunLog log) {
        this.plan = plan;
        this.log = log;
    }

    public RunOutcome execute() throws IOException, InterruptedException {
        Secret secret = Secret.random();
        ResultSink sink = new ResultSink(plan.reportsDirectory(), log);
        List<String> problems = new ArrayList<>();
        Orchestrator orchestrator = new Orchestrator(log::debug);
        try (OrchestratorServer server = OrchestratorServer.start("127.0.0.1", 0, secret, orchestrator)) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("build_id", "local-" + UUID.randomUUID());
            params.put("run_key", plan.runKey());
            params.put("commit", "local");
            params.put("branch", "local");
            String topic = Events.topic(params.get("run_key"), params.get("build_id"));
            log.info("FastCI local run: " + plan.classes().size() + " test classes on " + plan.forkCount()
                    + (plan.forkCount() == 1 ? " fork" : " forks") + ", orchestrator " + server.baseUri());
            BooterConfig template = new BooterConfig(
                    0, "", plan.forks().isolatedPath(), server.baseUri().toString(), params, plan.classes());
            for (ForkResult fork : runForks(secret, sink, template)) {
                if (fork.failure() != null) {
                    problems.add("fork " + fork.number() + ": " + fork.failure()
                            + (fork.lost().isEmpty() ? "" : "; lost " + String.join(", ", fork.lost())));
                }
            }
            // Nothing lost: a class still queued when every fork has ended is reported, not forgotten.
            for (String key : orchestrator.unfinished(topic)) {
                if (sink.hasReported(key)) {
                    continue; // reported lost with the fork that died running it
                }
                sink.accept(notRun(key));
                problems.add(key + " was not run: no fork was left to run it");
            }
        }
        return new RunOutcome(sink.summary(), problems);
    }

    private List<ForkResult> runForks(Secret secret, ResultSink sink, BooterConfig template)
            throws InterruptedException, IOException {
        ExecutorService pool = Executors.newFixedThreadPool(plan.forkCount());
        try {
            List<Future<ForkResult>> running = new ArrayList<>();
            for (int number = 1; number <= plan.forkCount(); number++) {
                ForkProcess fork = new ForkProcess(number, plan.forks(), secret, sink::accept, line -> log.info(line));
                running.add(pool.submit(() -> fork.run(template)));
            }
            List<ForkResult> results = new ArrayList<>();
            for (Future<ForkResult> future : running) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            throw new IOException("a fork could not be started: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static ClassResult notRun(String key) {
        String message = "the class was never run: every fork ended before it";
        TestResult error = new TestResult(
                key.substring(key.lastIndexOf('.') + 1),
                key,
                Status.ERROR,
                0,
                "ForkedProcessCrash",
                message,
                message,
                null);
        return new ClassResult(key, List.of(error), 0, "", "");
    }
}
