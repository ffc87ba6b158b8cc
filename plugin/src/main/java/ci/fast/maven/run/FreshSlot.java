package ci.fast.maven.run;

import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.booter.TestRunOptions;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.fork.ForkExit;
import ci.fast.maven.fork.ForkProcess;
import ci.fast.maven.fork.ForkResult;
import ci.fast.maven.orchestration.TestSide;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tests' side of one slot's node when forks are not reused: each class of a batch runs in a fresh JVM of its own,
 * one after the other, every one numbered as the slot (so {@code ${surefire.forkNumber}} is 1 to forkCount in each
 * successive JVM, as under Surefire) and each under its own {@code forkedProcessTimeoutInSeconds}.
 *
 * <p>A JVM that dies after it started its class has that class reported as the crash it was (its result for the
 * server too, so it is not handed out again), and the next class gets a fresh JVM as always. One that dies before it
 * started its class (it never connected, say) is replaced for that class while the run's replacements last; once they
 * are used up the slot stops, and its node's unanswered classes go back to the server's queue with its connection.
 */
final class FreshSlot implements TestSide {
    private final int slot;
    private final RunPlan plan;
    private final ForkSettings template;
    private final Secret secret;
    private final ResultSink sink;
    private final RunLog log;
    /** The run's replacements left, shared with the other slots. */
    private final AtomicInteger replacements;
    /** One line per JVM of this slot that failed. Only the slot's node thread touches it. */
    private final List<String> problems = new ArrayList<>();
    /** The failed tests of the classes this slot ran, for skipAfterFailureCount. Only the node's thread touches it. */
    private int failures;

    FreshSlot(
            int slot,
            RunPlan plan,
            ForkSettings template,
            Secret secret,
            ResultSink sink,
            RunLog log,
            AtomicInteger replacements) {
        this.slot = slot;
        this.plan = plan;
        this.template = template;
        this.secret = secret;
        this.sink = sink;
        this.log = log;
        this.replacements = replacements;
    }

    /** The slot's number, from 1: every one of its JVMs has it as its fork number. */
    int slot() {
        return slot;
    }

    /** The lines naming how this slot's JVMs failed, once its node has ended. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The slot's node is back after an outage: the run's figures count it, as a reused fork's. */
    @Override
    public void reconnected() {
        sink.reconnected(slot);
    }

    /**
     * Runs each class of {@code batch} in a JVM of its own, in the batch's order. Once the classes this slot ran have
     * failed {@code skipAfterFailureCount} tests, the rest are reported skipped, all in one JVM, as the node sees the
     * run (the server, when it is ours, stops handing out classes at the run's count).
     *
     * @throws Stopped when a class's JVMs keep dying before it starts and no replacement is left, or a JVM's booter
     *     failed (a replacement would fail the same way)
     */
    @Override
    public Map<String, List<Map<String, Object>>> run(List<String> batch) {
        Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (limitReached()) {
                outcomes.putAll(skip(batch.subList(i, batch.size())));
                break;
            }
            List<Map<String, Object>> tests = runAlone(batch.get(i));
            failures += (int) tests.stream()
                    .filter(test -> "failed".equals(test.get(TestSide.STATUS)))
                    .count();
            outcomes.put(batch.get(i), tests);
        }
        return outcomes;
    }

    private boolean limitReached() {
        int limit = plan.tests().skipAfterFailureCount();
        return limit > 0 && failures >= limit;
    }

    /** The classes' tests reported skipped by one JVM that runs none of them; what it could not report is empty. */
    private Map<String, List<Map<String, Object>>> skip(List<String> keys) {
        ForkResult fork = fork(template.skipping(keys, TestRunOptions.SKIPPED_AFTER_FAILURES), keys.toString());
        if (!(fork.exit() instanceof ForkExit.Completed)) {
            problems.add(Fleet.problem(fork));
        }
        Map<String, List<Map<String, Object>>> outcomes = new LinkedHashMap<>();
        for (String key : keys) {
            outcomes.put(key, fork.carried().getOrDefault(key, List.of()));
        }
        return outcomes;
    }

    private List<Map<String, Object>> runAlone(String key) {
        while (true) {
            ForkResult fork = fork(template.assigning(List.of(key)), key);
            ForkExit exit = fork.exit();
            if (exit instanceof ForkExit.Completed) {
                return fork.carried().getOrDefault(key, List.of());
            }
            problems.add(Fleet.problem(fork));
            if (!exit.died()) {
                throw new Stopped("fork " + slot + " stopped: " + exit.failure());
            }
            List<Map<String, Object>> crashed = fork.carried().get(key);
            if (crashed != null) {
                // It started the class: reported as the crash it was, and so it goes to the server.
                log.warn("fork " + slot + " died running " + key + " (" + exit.failure() + ")");
                return crashed;
            }
            if (replacements.getAndDecrement() <= 0) {
                throw new Stopped("fork " + slot + " died before it started " + key + " (" + exit.failure()
                        + "); no replacement left (" + Fleet.replacements(plan.forkCount()) + " used)");
            }
            log.warn(
                    "fork " + slot + " died before it started " + key + " (" + exit.failure() + "); a new JVM runs it");
        }
    }

    private ForkResult fork(ForkSettings settings, String key) {
        ForkProcess process =
                new ForkProcess(slot, plan.forks(), secret, sink.fork(slot), log::info, Fleet.runningLines(plan, log));
        try {
            return process.run(settings);
        } catch (IOException e) {
            throw new Stopped("fork " + slot + " could not be started for " + key + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped("fork " + slot + " was interrupted running " + key);
        }
    }

    /** Why a slot's node ends before its queue does; the message is the one line the user sees. */
    static final class Stopped extends RuntimeException {
        Stopped(String line) {
            super(line);
        }
    }
}
