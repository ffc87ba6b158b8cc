package ci.fast.maven.server;

import ci.fast.maven.server.RunEvent.BatchHandedOut;
import ci.fast.maven.server.RunEvent.ClassCompleted;
import ci.fast.maven.server.RunEvent.DeqRequested;
import ci.fast.maven.server.RunEvent.DuplicateDropped;
import ci.fast.maven.server.RunEvent.JoinRefused;
import ci.fast.maven.server.RunEvent.NodeJoined;
import ci.fast.maven.server.RunEvent.NodeLost;
import ci.fast.maven.server.RunEvent.Progressed;
import ci.fast.maven.server.RunEvent.RunFinished;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * One run's rules (PROTOCOL.md section 5), as state that knows no peers, frames or JSON: each command returns the
 * {@link RunEvent}s it caused, in order. Its durable facts live in a {@link StoredRun}; what it keeps itself is what
 * it can rebuild: which nodes are live, which of them wait for a batch, and how long their batches should still run.
 *
 * <p>Not thread-safe: its caller (the {@link RunDispatch}) takes one lock per command, and sends what the events
 * mean once it has released it.
 */
final class RunRules {
    /** The reason a join to a finished run is refused with. */
    static final String RUN_FINISHED = "run finished";

    private final StoredRun store;
    /** Where the estimates come from at the enq. */
    private final TimingHistory history;
    /** Nanoseconds, as {@link System#nanoTime}: how old the queue is decides how large batches may be. */
    private final LongSupplier clock;

    /** The live nodes by index, in join order. */
    private final Map<Integer, Node> nodes = new LinkedHashMap<>();
    /** The nodes whose deq waits for an answer, in the order they asked. */
    private final Set<Node> holding = new LinkedHashSet<>();
    /**
     * The nodes that hold a batch they should still be running by the estimates, soonest done first, and the sum of
     * their {@link Node#busyUntil}: what the others still run, for each batch, without a walk over every node.
     */
    private final TreeSet<Node> busy =
            new TreeSet<>(Comparator.comparingLong((Node n) -> n.busyUntil).thenComparingInt(n -> n.index));

    private long busyUntilSum;
    private boolean announced;
    /** The tenths of the run's classes with a result that the events have told of. */
    private int tenthsTold;
    /** The current command's events; a fresh list per command. */
    private List<RunEvent> events = new ArrayList<>();

    RunRules(StoredRun store, TimingHistory history, LongSupplier clock) {
        this.store = store;
        this.history = history;
        this.clock = clock;
    }

    RunId id() {
        return store.id();
    }

    /**
     * A node joins; refused once the run has finished.
     *
     * @param replacing the node this join replaces (a second join on one connection, as in Phoenix: its classes go
     *     back first), or -1
     */
    List<RunEvent> join(int replacing) {
        if (finished()) {
            events.add(new JoinRefused(RUN_FINISHED));
            return done();
        }
        events.add(null); // the join comes first, as its reply must: filled in below
        if (replacing >= 0) {
            lose(replacing);
            serveWaiting();
        }
        Node node = new Node(store.nextNodeIndex());
        nodes.put(node.index, node);
        boolean running = store.hasQueue() || node.index == 0;
        node.waiting = !running;
        events.set(0, new NodeJoined(node.index, running));
        return done();
    }

    /** Node 0's enq of {@code classes} (distinct); a second enq adds nothing. */
    List<RunEvent> enq(List<String> classes) {
        if (store.hasQueue()) {
            return done();
        }
        Map<String, Double> estimates = history.estimates(id().runKey(), classes);
        store.enqueue(classes, estimates, clock.getAsLong());
        // Longest first (stable: equal estimates keep the enq's order), so that no long class starts last.
        classes.stream()
                .sorted(Comparator.comparingDouble(estimates::get).reversed())
                .forEach(store::queueLast);
        for (Node node : nodes.values()) {
            if (node.waiting) {
                node.waiting = false;
                events.add(new DeqRequested(node.index));
            }
        }
        serveWaiting();
        return done();
    }

    /** Node {@code node} asks for a batch, with the results of the one it held. */
    List<RunEvent> deq(int node, List<Result> results) {
        Node asking = nodes.get(node);
        if (asking == null) {
            return done();
        }
        for (Result result : results) {
            store.release(node, result.key());
            record(result);
        }
        // A node asks for more only once its whole batch has results: what it left out is lost.
        requeueHeldBy(asking, false);
        holding.add(asking);
        serveWaiting();
        return done();
    }

    /**
     * Results from no node (a dead fork's, recorded by the Maven side), and the classes of its batch it never started:
     * those do not count as lost, whether their node's loss has been seen yet or not. May finish the run.
     */
    List<RunEvent> record(List<Result> results, List<String> unstarted) {
        results.forEach(this::record);
        for (String key : unstarted) {
            store.addLoss(key, -1);
        }
        serveWaiting();
        return done();
    }

    /** Node {@code node} left, or its connection closed: what it held goes back to the queue. */
    List<RunEvent> leave(int node) {
        lose(node);
        serveWaiting();
        return done();
    }

    /** Whether every enqueued class has a result. */
    boolean finished() {
        return store.hasQueue() && store.resultCount() >= store.classes().size();
    }

    /** Enqueued classes without a result yet, in the enq's order. */
    List<String> unfinished() {
        return store.classes().stream().filter(key -> !store.hasResult(key)).toList();
    }

    /** Classes recorded failed because two nodes were lost running them, in the order they were. */
    List<String> lostTwice() {
        return store.lostTwice();
    }

    /** Whether {@code key} has a result: one a node sent, or the lost result. */
    boolean hasResult(String key) {
        return store.hasResult(key);
    }

    RunProgress progress() {
        return new RunProgress(
                id().topic(), nodes.size(), store.classes().size(), store.resultCount(), store.duplicates());
    }

    /** Ends a command: the tenth and the end it reached, then its events. */
    private List<RunEvent> done() {
        boolean finished = finished();
        int classes = store.classes().size();
        int tenths = classes == 0 ? 0 : store.resultCount() * 10 / classes;
        if (!finished && tenths > tenthsTold) {
            events.add(new Progressed(progress()));
        }
        tenthsTold = Math.max(tenthsTold, tenths);
        if (finished && !announced) {
            announced = true;
            events.add(new RunFinished(progress()));
        }
        List<RunEvent> out = events;
        events = new ArrayList<>();
        return out;
    }

    private void lose(int index) {
        Node node = nodes.remove(index);
        if (node != null) {
            holding.remove(node);
            int at = events.size();
            events.add(null); // the loss comes before what it causes, such as a class lost twice: filled in below
            events.set(at, new NodeLost(node.index, requeueHeldBy(node, true)));
        }
    }

    /** Records a class's first result; a second one is dropped, and a key never enqueued is ignored. */
    private void record(Result result) {
        if (!store.isEnqueued(result.key())) {
            return; // never enqueued: counting it would end the run before every class has a result
        }
        if (!store.addResult(result)) {
            events.add(new DuplicateDropped(result.key()));
        } else {
            store.unqueue(result.key());
            events.add(new ClassCompleted(result));
        }
    }

    /**
     * Puts the classes {@code node} holds without results back in the queue: first when the node left them out of
     * its results, last when the node was lost (a replacement for a crashed fork may be about to send the results it
     * carries, and the class that crashed one fork should not crash the next one before that).
     *
     * @return the classes requeued
     */
    private List<String> requeueHeldBy(Node node, boolean lost) {
        List<String> requeued = new ArrayList<>();
        for (String key : store.releaseAll(node.index)) {
            if (store.hasResult(key)) {
                continue;
            }
            if (store.addLoss(key, 1) >= 2) {
                store.addLostTwice(key);
                record(Result.lostTwice(key));
            } else if (lost) {
                store.queueLast(key);
                requeued.add(key);
            } else {
                store.queueFirst(key);
                requeued.add(key);
            }
        }
        setBusyUntil(node, -1);
        return requeued;
    }

    /** Answers every waiting deq that can be answered now: with a batch, or empty once all classes have results. */
    private void serveWaiting() {
        if (!store.hasQueue()) {
            return;
        }
        for (Iterator<Node> waiting = holding.iterator(); waiting.hasNext(); ) {
            Node node = waiting.next();
            if (!store.queueEmpty()) {
                long age = clock.getAsLong() - store.enqueuedAt();
                double cap = BatchPolicy.cap(age / 1e9, store.doneSeconds());
                double share = BatchPolicy.share(store.queuedSeconds(), running(age), nodes.size(), cap);
                List<String> batch = store.take(share);
                store.hold(node.index, batch);
                double seconds = 0;
                for (String key : batch) {
                    seconds += store.estimate(key);
                }
                setBusyUntil(node, age + (long) (seconds * 1e9));
                events.add(new BatchHandedOut(node.index, batch));
            } else if (finished()) {
                events.add(new BatchHandedOut(node.index, List.of()));
            } else {
                break; // others still hold classes that may come back to the queue: everyone keeps waiting
            }
            waiting.remove();
        }
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

    /** A live node: what the rules keep of it besides the store's facts. */
    private static final class Node {
        final int index;
        /** Joined before the queue existed and has not had its deq_request yet. */
        boolean waiting;
        /** When this node's batch should be done by the estimates: nanoseconds after the enq; -1 when it runs none. */
        long busyUntil = -1;

        Node(int index) {
            this.index = index;
        }
    }
}
