package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * One run (one topic): its queue and the rules of PROTOCOL.md section 5. Every method is called under the run's own
 * lock and returns a {@link Step}: the frames to send, which the caller sends after releasing it, so that a slow peer
 * never holds up the run, and what to log. One lock per frame: with hundreds of nodes, each further acquisition is one
 * more chance to queue behind another node's deq.
 */
final class Run {
    private final String topic;
    /** Joined nodes by peer, in join order. */
    private final Map<Peer, Node> nodes = new LinkedHashMap<>();
    /**
     * Every class enqueued, in the enq's order; null until node 0 has enqueued. Only names are kept, never the JSON a
     * node sent: a standing server holds thousands of classes per run, and what it keeps alive is what its garbage
     * collector copies while nodes wait for replies.
     */
    private List<String> classes;
    /** The history the queue is ordered and batched by, and that this run's results add to. */
    private final Timings timings;
    /** Each enqueued class's estimated seconds, fixed at the enq; null before it. Its keys are the enqueued classes. */
    private Map<String, Double> estimates;

    /** The classes waiting for a node; empty until node 0 has enqueued. */
    private WorkQueue queue = new WorkQueue(Map.of());

    /** The classes with a result. */
    private final Set<String> results = new HashSet<>();

    private final Map<String, Integer> losses = new HashMap<>();
    /** The nodes whose deq waits for an answer, in the order they asked. */
    private final Set<Node> holding = new LinkedHashSet<>();
    /**
     * The nodes that hold a batch they should still be running by the estimates, soonest done first, and the sum of
     * their {@link Node#busyUntil}: what the others still run, for each batch, without a walk over every node.
     */
    private final TreeSet<Node> busy =
            new TreeSet<>(Comparator.comparingLong((Node n) -> n.busyUntil).thenComparingInt(n -> n.index));

    private long busyUntilSum;
    /** Classes that got a second result, in the order they did; for the log. */
    private final List<String> duplicateKeys = new ArrayList<>();
    /** Classes recorded failed because the nodes running them were lost twice. */
    private final Set<String> lostTwice = new LinkedHashSet<>();

    private final LongSupplier clock;
    /** When node 0 enqueued, by {@link #clock}; batches grow with the queue's age. */
    private long enqueuedAt;
    /** The estimated seconds of the classes with a result; batches grow with it too. */
    private double done;

    private int nextIndex;
    private int duplicates;
    private boolean announced;
    /** The tenths of the run's classes with a result that the log has been told of. */
    private int tenthsLogged;

    Run(String topic, Timings timings) {
        this(topic, timings, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime}: how old the queue is decides how large batches may be */
    Run(String topic, Timings timings, LongSupplier clock) {
        this.topic = topic;
        this.timings = timings;
        this.clock = clock;
    }

    synchronized Step join(Peer peer, Frame join) {
        if (finished()) {
            return step(List.of(error(peer, join, "run finished")));
        }
        // A second join on one connection replaces the channel, as in Phoenix: the old node's classes go back first.
        List<Delivery> out = new ArrayList<>();
        Node previous = nodes.remove(peer);
        if (previous != null) {
            holding.remove(previous);
            requeueHeldBy(previous, true);
            out.addAll(serveHeldDeqs());
        }
        Node node = new Node(peer, nextIndex++, join.joinRef());
        nodes.put(peer, node);
        boolean running = classes != null || node.index == 0;
        node.waiting = !running;
        JsonObject response = Json.PROVIDER
                .createObjectBuilder()
                .add("event", Events.JOINED)
                .add("node_index", node.index)
                .add("state", running ? Events.STATE_RUNNING : Events.STATE_WAITING)
                .build();
        out.add(0, new Delivery(peer, Frame.reply(join, Events.STATUS_OK, response)));
        return step(out);
    }

    synchronized Step enq(Peer peer, Frame enq) {
        JsonValue tests = enq.payload().get("tests");
        if (!(tests instanceof JsonObject enqueued)) {
            return step(List.of(error(peer, enq, "enq payload needs a \"tests\" object")));
        }
        for (Map.Entry<String, JsonValue> entry : enqueued.entrySet()) {
            if (!(entry.getValue() instanceof JsonObject e) || testEntries(e) == 0) {
                return step(List.of(error(peer, enq, "enq entry " + entry.getKey() + " has no per-test entry")));
            }
        }
        if (classes != null) {
            return step(List.of()); // idempotent: the queue exists already
        }
        classes = List.copyOf(enqueued.keySet());
        enqueuedAt = clock.getAsLong();
        estimates = timings.estimates(classes);
        queue = new WorkQueue(estimates);
        // Longest first (stable: equal estimates keep the enq's order), so that no long class starts last.
        queue.addAll(classes.stream()
                .sorted(Comparator.comparingDouble(estimates::get).reversed())
                .toList());
        List<Delivery> out = new ArrayList<>();
        for (Node node : nodes.values()) {
            if (node.waiting) {
                node.waiting = false;
                out.add(new Delivery(node.peer, Frame.serverPush(node.joinRef, topic, Events.DEQ_REQUEST, Json.EMPTY)));
            }
        }
        out.addAll(serveHeldDeqs());
        return step(out);
    }

    synchronized Step deq(Peer peer, Frame deq) {
        Node node = nodes.get(peer);
        for (Map.Entry<String, JsonValue> result : deq.payload().entrySet()) {
            if (result.getValue() instanceof JsonObject entry) {
                node.held.remove(result.getKey());
                record(result.getKey(), entry);
            }
        }
        // A node asks for more only once its whole batch has results: what it left out is lost.
        requeueHeldBy(node, false);
        node.heldDeq = deq;
        holding.add(node);
        return step(serveHeldDeqs());
    }

    /**
     * Results from no node (a dead fork's, recorded by the Maven side), and the classes of its batch it never started:
     * those do not count as lost, whether their node's loss has been seen yet or not. May finish the run.
     */
    synchronized Step record(JsonObject results, List<String> unstarted) {
        results.forEach((key, entry) -> {
            if (entry instanceof JsonObject e) {
                record(key, e);
            }
        });
        for (String key : unstarted) {
            losses.merge(key, -1, Integer::sum);
        }
        return step(serveHeldDeqs());
    }

    synchronized Step leave(Peer peer) {
        Node node = nodes.remove(peer);
        if (node == null) {
            return step(List.of());
        }
        holding.remove(node);
        requeueHeldBy(node, true);
        return step(serveHeldDeqs());
    }

    /** Whether every enqueued class has a result. */
    synchronized boolean finished() {
        return classes != null && results.size() >= classes.size();
    }

    /** Enqueued classes without a result yet. */
    synchronized List<String> unfinished() {
        if (classes == null) {
            return List.of();
        }
        return classes.stream().filter(key -> !results.contains(key)).toList();
    }

    /** Classes recorded failed because two nodes were lost running them, in the order they were. */
    synchronized List<String> lostTwice() {
        return List.copyOf(lostTwice);
    }

    /** Whether {@code key} has a result: one a node sent, or the lost result. */
    synchronized boolean hasResult(String key) {
        return results.contains(key);
    }

    synchronized Progress progress() {
        int total = classes == null ? 0 : classes.size();
        return new Progress(topic, nodes.size(), total, results.size(), duplicates);
    }

    /** What a log line says about a run. */
    record Progress(String topic, int nodes, int classes, int done, int duplicates) {}

    /**
     * What one call did, taken under the run's lock.
     *
     * @param deliveries the frames to send, once the lock is released
     * @param progress the run as the call left it
     * @param duplicateKeys the classes that got a second result in this call
     * @param progressed whether another tenth of the classes got results in this call, and the run goes on
     * @param finishedNow whether this call finished the run: true for exactly one call
     */
    record Step(
            List<Delivery> deliveries,
            Progress progress,
            List<String> duplicateKeys,
            boolean progressed,
            boolean finishedNow) {}

    private Step step(List<Delivery> deliveries) {
        List<String> keys = duplicateKeys.isEmpty() ? List.of() : List.copyOf(duplicateKeys);
        duplicateKeys.clear();
        boolean finished = finished();
        boolean finishedNow = finished && !announced;
        announced |= finished;
        int tenths = classes == null || classes.isEmpty() ? 0 : results.size() * 10 / classes.size();
        boolean progressed = !finished && tenths > tenthsLogged;
        tenthsLogged = Math.max(tenthsLogged, tenths);
        return new Step(deliveries, progress(), keys, progressed, finishedNow);
    }

    /** @param entry the result a node sent; null for a class recorded lost, whose 0 s says nothing of its duration */
    private void record(String key, JsonObject entry) {
        if (estimates == null || !estimates.containsKey(key)) {
            return; // never enqueued: counting it would end the run before every class has a result
        }
        if (!results.add(key)) {
            duplicates++; // first result wins
            duplicateKeys.add(key);
        } else {
            done += estimates.getOrDefault(key, 0.0);
            queue.remove(key);
            if (entry != null) {
                timings.record(key, secondsOf(entry));
            }
        }
    }

    /**
     * Puts the classes {@code node} holds without results back in the queue: first when the node left them out of
     * its results, last when the node was lost (a replacement for a crashed fork may be about to send the results it
     * carries, and the class that crashed one fork should not crash the next one before that).
     */
    private void requeueHeldBy(Node node, boolean lost) {
        for (String key : node.held) {
            if (results.contains(key)) {
                continue;
            }
            if (losses.merge(key, 1, Integer::sum) >= 2) {
                lostTwice.add(key);
                record(key, null);
            } else if (lost) {
                queue.addLast(key);
            } else {
                queue.addFirst(key);
            }
        }
        node.held.clear();
        setBusyUntil(node, -1);
    }

    /** Answers every held deq that can be answered now: with a batch, or empty once all classes have results. */
    private List<Delivery> serveHeldDeqs() {
        List<Delivery> out = new ArrayList<>();
        if (classes == null) {
            return out;
        }
        for (Iterator<Node> waiting = holding.iterator(); waiting.hasNext(); ) {
            Node node = waiting.next();
            if (!queue.isEmpty()) {
                JsonArrayBuilder batch = Json.PROVIDER.createArrayBuilder();
                long age = clock.getAsLong() - enqueuedAt;
                double cap = BatchPolicy.cap(age / 1e9, done);
                double seconds = 0;
                for (String key : queue.take(nodes.size(), running(age), cap)) {
                    node.held.add(key);
                    batch.add(key);
                    seconds += queue.estimate(key);
                }
                setBusyUntil(node, age + (long) (seconds * 1e9));
                out.add(batchReply(node, batch));
            } else if (finished()) {
                out.add(batchReply(node, Json.PROVIDER.createArrayBuilder()));
            } else {
                break; // others still hold classes that may come back to the queue: everyone keeps waiting
            }
            waiting.remove();
        }
        return out;
    }

    /** Sets when {@code node}'s batch should be done (nanoseconds after the enq), or that it runs none ({@code -1}). */
    private void setBusyUntil(Node node, long until) {
        if (busy.remove(node)) { // before the key it is sorted by changes
            busyUntilSum -= node.busyUntil;
        }
        node.busyUntil = until;
        if (until >= 0) {
            busy.add(node);
            busyUntilSum += until;
        }
    }

    /**
     * The estimated seconds the nodes have still to run of the batches they hold, when the queue is {@code age}
     * nanoseconds old; a node asking for a batch holds none. A node past its estimate counts 0 until its next batch.
     */
    private double running(long age) {
        while (!busy.isEmpty() && busy.first().busyUntil <= age) {
            busyUntilSum -= busy.pollFirst().busyUntil;
        }
        return (busyUntilSum - (long) busy.size() * age) / 1e9;
    }

    private Delivery batchReply(Node node, JsonArrayBuilder batch) {
        JsonObject response = Json.PROVIDER
                .createObjectBuilder()
                .add("event", Events.DEQ)
                .add("tests", batch)
                .build();
        Frame reply = Frame.reply(node.heldDeq, Events.STATUS_OK, response);
        node.heldDeq = null;
        return new Delivery(node.peer, reply);
    }

    private static Delivery error(Peer peer, Frame request, String reason) {
        JsonObject response =
                Json.PROVIDER.createObjectBuilder().add("reason", reason).build();
        return new Delivery(peer, Frame.reply(request, Events.STATUS_ERROR, response));
    }

    /** A class's duration as its results tell it: the sum of its tests' run times. */
    private static double secondsOf(JsonObject entry) {
        double seconds = 0;
        for (JsonValue value : entry.values()) {
            if (value instanceof JsonObject test && test.get("run_time") instanceof JsonNumber time) {
                seconds += time.doubleValue();
            }
        }
        return seconds;
    }

    private static int testEntries(JsonObject entry) {
        int count = 0;
        for (JsonValue value : entry.values()) {
            if (value instanceof JsonObject test && test.containsKey("status")) {
                count++;
            }
        }
        return count;
    }

    private static final class Node {
        final Peer peer;
        final int index;
        final JsonValue joinRef;
        /** Classes handed to this node without a result yet. */
        final Set<String> held = new LinkedHashSet<>();
        /** The deq this node waits an answer to; null when it waits for none. */
        Frame heldDeq;
        /** Joined before the queue existed and has not had its deq_request yet. */
        boolean waiting;
        /** When this node's batch should be done by the estimates: nanoseconds after the enq. */
        long busyUntil;

        Node(Peer peer, int index, JsonValue joinRef) {
            this.peer = peer;
            this.index = index;
            this.joinRef = joinRef;
        }
    }
}
