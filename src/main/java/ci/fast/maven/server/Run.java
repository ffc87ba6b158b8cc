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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * One run (one topic): its queue and the rules of PROTOCOL.md section 5. Every method is called under the run's own
 * lock and returns the frames to send, which the caller sends after releasing it, so that a slow peer never holds
 * up the run.
 */
final class Run {
    /** The reason recorded for a class whose node was lost twice while running it. */
    static final String LOST_TWICE = "the node running it was lost";

    private final String topic;
    /** Joined nodes by peer, in join order. */
    private final Map<Peer, Node> nodes = new LinkedHashMap<>();
    /** Every class enqueued, with its enq entry; null until node 0 has enqueued. */
    private Map<String, JsonObject> entries;
    /** The history the queue is ordered and batched by, and that this run's results add to. */
    private final Timings timings;
    /** Each enqueued class's estimated seconds, fixed at the enq; null before it. */
    private Map<String, Double> estimates;

    /** The classes waiting for a node; empty until node 0 has enqueued. */
    private WorkQueue queue = new WorkQueue(Map.of());

    private final Map<String, JsonObject> results = new LinkedHashMap<>();
    private final Map<String, Integer> losses = new HashMap<>();
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

    Run(String topic, Timings timings) {
        this(topic, timings, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime}: how old the queue is decides how large batches may be */
    Run(String topic, Timings timings, LongSupplier clock) {
        this.topic = topic;
        this.timings = timings;
        this.clock = clock;
    }

    synchronized List<Delivery> join(Peer peer, Frame join) {
        if (finished()) {
            return List.of(error(peer, join, "run finished"));
        }
        // A second join on one connection replaces the channel, as in Phoenix: the old node's classes go back first.
        List<Delivery> out = new ArrayList<>();
        Node previous = nodes.remove(peer);
        if (previous != null) {
            requeueHeldBy(previous, true);
            out.addAll(serveHeldDeqs());
        }
        Node node = new Node(peer, nextIndex++, join.joinRef());
        nodes.put(peer, node);
        boolean running = entries != null || node.index == 0;
        node.waiting = !running;
        JsonObject response = Json.PROVIDER
                .createObjectBuilder()
                .add("event", Events.JOINED)
                .add("node_index", node.index)
                .add("state", running ? Events.STATE_RUNNING : Events.STATE_WAITING)
                .build();
        out.add(0, new Delivery(peer, Frame.reply(join, Events.STATUS_OK, response)));
        return out;
    }

    synchronized List<Delivery> enq(Peer peer, Frame enq) {
        JsonValue tests = enq.payload().get("tests");
        if (!(tests instanceof JsonObject classes)) {
            return List.of(error(peer, enq, "enq payload needs a \"tests\" object"));
        }
        for (Map.Entry<String, JsonValue> entry : classes.entrySet()) {
            if (!(entry.getValue() instanceof JsonObject e) || testEntries(e) == 0) {
                return List.of(error(peer, enq, "enq entry " + entry.getKey() + " has no per-test entry"));
            }
        }
        if (entries != null) {
            return List.of(); // idempotent: the queue exists already
        }
        entries = new LinkedHashMap<>();
        enqueuedAt = clock.getAsLong();
        classes.forEach((key, value) -> entries.put(key, (JsonObject) value));
        estimates = timings.estimates(entries.keySet());
        queue = new WorkQueue(estimates);
        // Longest first (stable: equal estimates keep the enq's order), so that no long class starts last.
        queue.addAll(entries.keySet().stream()
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
        return out;
    }

    synchronized List<Delivery> deq(Peer peer, Frame deq) {
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
        return serveHeldDeqs();
    }

    /**
     * Results from no node (a dead fork's, recorded by the Maven side), and the classes of its batch it never started:
     * those do not count as lost, whether their node's loss has been seen yet or not. May finish the run.
     */
    synchronized List<Delivery> record(JsonObject results, List<String> unstarted) {
        results.forEach((key, entry) -> {
            if (entry instanceof JsonObject e) {
                record(key, e);
            }
        });
        for (String key : unstarted) {
            losses.merge(key, -1, Integer::sum);
        }
        return serveHeldDeqs();
    }

    synchronized List<Delivery> leave(Peer peer) {
        Node node = nodes.remove(peer);
        if (node == null) {
            return List.of();
        }
        requeueHeldBy(node, true);
        return serveHeldDeqs();
    }

    /** Whether every enqueued class has a result. */
    synchronized boolean finished() {
        return entries != null && results.size() >= entries.size();
    }

    /** Enqueued classes without a result yet. */
    synchronized List<String> unfinished() {
        if (entries == null) {
            return List.of();
        }
        return entries.keySet().stream()
                .filter(key -> !results.containsKey(key))
                .toList();
    }

    /** Takes the classes that got a second result since the last call. */
    synchronized List<String> takeDuplicateKeys() {
        List<String> keys = List.copyOf(duplicateKeys);
        duplicateKeys.clear();
        return keys;
    }

    /** Classes recorded failed because two nodes were lost running them, in the order they were. */
    synchronized List<String> lostTwice() {
        return List.copyOf(lostTwice);
    }

    /** True exactly once: the first time it is asked after the run finished. */
    synchronized boolean announceFinished() {
        if (!finished() || announced) {
            return false;
        }
        announced = true;
        return true;
    }

    /** The result recorded for {@code key}: the first one a node sent, or the lost result; null while none. */
    synchronized JsonObject result(String key) {
        return results.get(key);
    }

    synchronized Progress progress() {
        int total = entries == null ? 0 : entries.size();
        return new Progress(topic, nodes.size(), total, results.size(), duplicates);
    }

    /** What a log line says about a run. */
    record Progress(String topic, int nodes, int classes, int done, int duplicates) {}

    private void record(String key, JsonObject entry) {
        if (entries == null || !entries.containsKey(key)) {
            return; // never enqueued: counting it would end the run before every class has a result
        }
        if (results.containsKey(key)) {
            duplicates++; // first result wins
            duplicateKeys.add(key);
        } else {
            results.put(key, entry);
            done += estimates.getOrDefault(key, 0.0);
            queue.remove(key);
            if (!lostTwice.contains(key)) {
                timings.record(key, secondsOf(entry)); // a lost class's 0 s says nothing of its duration
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
            if (results.containsKey(key)) {
                continue;
            }
            if (losses.merge(key, 1, Integer::sum) >= 2) {
                lostTwice.add(key);
                record(key, lostResult());
            } else if (lost) {
                queue.addLast(key);
            } else {
                queue.addFirst(key);
            }
        }
        node.held.clear();
    }

    /** Answers every held deq that can be answered now: with a batch, or empty once all classes have results. */
    private List<Delivery> serveHeldDeqs() {
        List<Delivery> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (Node node : nodes.values()) {
            if (node.heldDeq == null) {
                continue;
            }
            if (!queue.isEmpty()) {
                JsonArrayBuilder batch = Json.PROVIDER.createArrayBuilder();
                double cap = BatchPolicy.cap((clock.getAsLong() - enqueuedAt) / 1e9, done);
                for (String key : queue.take(nodes.size(), cap)) {
                    node.held.add(key);
                    batch.add(key);
                }
                out.add(batchReply(node, batch));
            } else if (finished()) {
                out.add(batchReply(node, Json.PROVIDER.createArrayBuilder()));
            }
            // else: others still hold classes that may come back to the queue; keep holding.
        }
        return out;
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

    private static JsonObject lostResult() {
        var b = Json.PROVIDER;
        return b.createObjectBuilder()
                .add("file_status", "failed")
                .add("test_count", 1)
                .add(
                        "test_counters",
                        b.createObjectBuilder()
                                .add("failed", 1)
                                .add("passed", 0)
                                .add("pending", 0))
                .add(
                        "node lost",
                        b.createObjectBuilder()
                                .add("status", "failed")
                                .add("run_time", 0.0)
                                .add("fully_formatted", LOST_TWICE))
                .build();
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

        Node(Peer peer, int index, JsonValue joinRef) {
            this.peer = peer;
            this.index = index;
            this.joinRef = joinRef;
        }
    }
}
