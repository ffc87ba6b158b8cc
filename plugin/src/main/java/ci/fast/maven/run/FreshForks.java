package ci.fast.maven.run;

import ci.fast.maven.booter.ForkSettings;
import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.ServerAddress;
import ci.fast.maven.orchestration.NodeSession;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This machine's forks when they are not reused (Surefire's {@code reuseForks=false}): {@code forkCount} slots, each
 * one node of the run, held here on the Maven side for the whole run, which runs every class it is handed in a fresh
 * JVM of its own (see {@link FreshSlot}). A JVM that ends after its class is therefore no node leaving: the server
 * sees the slot's node hold its batch and send its results, as it sees a reused fork's, on the same frames
 * (PROTOCOL.md sections 1-4), so remote mode and longest-first work as they do with reused forks.
 */
final class FreshForks {
    /** A node's connect and join bounds, as a fork's node has them. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private FreshForks() {}

    /**
     * Runs every slot's node to its end; the classes' results go to {@code sink} as their JVMs end.
     *
     * @param template every JVM's settings but for its nonce and its class
     * @return one line per JVM that failed and per node that gave up, naming what was lost
     */
    static List<String> run(RunPlan plan, ForkSettings template, ServerAddress address, ResultSink sink, RunLog log)
            throws IOException, InterruptedException {
        String topic =
                Events.topic(address.params().get("run_key"), address.params().get("build_id"));
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        // Shared by the slots, as a reused fleet's replacements are: a class whose JVM dies before it starts runs
        // again.
        AtomicInteger replacements = new AtomicInteger(Fleet.replacements(plan.forkCount()));
        ExecutorService pool = Executors.newFixedThreadPool(plan.forkCount());
        try {
            List<Future<?>> slots = new ArrayList<>();
            for (int slot = 1; slot <= plan.forkCount(); slot++) {
                FreshSlot forks = new FreshSlot(slot, plan, template, address.secret(), sink, log, replacements);
                slots.add(pool.submit(() -> runNode(forks, address, topic, plan, template.ciNode(), log, problems)));
            }
            for (Future<?> slot : slots) {
                slot.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("a fork could not be started: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<String> all = new ArrayList<>(problems);
        all.addAll(sink.notLoaded());
        return all;
    }

    /** One slot's node, from its join to its leave; what ends it early is a problem line, not an exception. */
    private static void runNode(
            FreshSlot forks,
            ServerAddress address,
            String topic,
            RunPlan plan,
            Map<String, String> ciNode,
            RunLog log,
            List<String> problems) {
        String stopped = null;
        try (Scheduler scheduler = Scheduler.daemon("fast-ci-node-" + forks.slot())) {
            NodeSession session = new NodeSession(
                    address, topic, plan.classes(), forks, CONNECT_TIMEOUT, REPLY_TIMEOUT, scheduler, Backoff.DEFAULT);
            session.console(log::info);
            if (!ciNode.isEmpty()) {
                JsonObjectBuilder node = Json.PROVIDER.createObjectBuilder();
                ciNode.forEach(node::add);
                session.ciNode(node.build()); // a retried job's share is this machine's, as with reused forks
            }
            session.run();
        } catch (ChannelException e) {
            stopped = "fork " + forks.slot() + ": " + e.getMessage();
        } catch (FreshSlot.Stopped e) {
            // Its batch's classes without a result go back to the queue as its connection closes.
            stopped = e.getMessage();
        } catch (RuntimeException e) {
            stopped = "fork " + forks.slot() + ": " + e;
        }
        // Its JVMs' lines first, in the order they failed, then why the node ended.
        problems.addAll(forks.problems());
        if (stopped != null) {
            problems.add(stopped);
        }
    }
}
