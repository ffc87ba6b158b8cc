package ci.fast.maven.run;

import ci.fast.maven.booter.BooterConfig;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkProcess;
import ci.fast.maven.fork.ForkResult;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** This machine's forks, each a node of one run on the orchestrator at {@code server}, started together. */
final class Fleet {
    private Fleet() {}

    /**
     * Runs every fork to its end; their class results go to {@code sink} as they complete.
     *
     * @return one line per fork that failed, naming what it lost
     */
    static List<String> run(
            RunPlan plan, URI server, Secret secret, Map<String, String> params, ResultSink sink, RunLog log)
            throws IOException, InterruptedException {
        BooterConfig template = new BooterConfig(
                0, "", plan.forks().isolatedPath(), server.toString(), params, plan.classes(), plan.filters());
        ExecutorService pool = Executors.newFixedThreadPool(plan.forkCount());
        List<String> problems = new ArrayList<>();
        try {
            List<Future<ForkResult>> running = new ArrayList<>();
            for (int number = 1; number <= plan.forkCount(); number++) {
                ForkProcess fork = new ForkProcess(number, plan.forks(), secret, sink::accept, log::info);
                running.add(pool.submit(() -> fork.run(template)));
            }
            for (Future<ForkResult> future : running) {
                ForkResult fork = future.get();
                if (fork.failure() != null) {
                    problems.add("fork " + fork.number() + ": " + fork.failure()
                            + (fork.lost().isEmpty() ? "" : "; lost " + String.join(", ", fork.lost())));
                }
            }
            return problems;
        } catch (ExecutionException e) {
            throw new IOException("a fork could not be started: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
