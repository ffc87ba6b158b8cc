package ci.fast.maven.server;

import ci.fast.maven.server.RunEvent.BatchHandedOut;
import ci.fast.maven.server.RunEvent.ClassCompleted;
import ci.fast.maven.server.RunEvent.DeqRequested;
import ci.fast.maven.server.RunEvent.DuplicateDropped;
import ci.fast.maven.server.RunEvent.JoinRefused;
import ci.fast.maven.server.RunEvent.NodeAway;
import ci.fast.maven.server.RunEvent.NodeJoined;
import ci.fast.maven.server.RunEvent.NodeLost;
import ci.fast.maven.server.RunEvent.NodeRejoined;
import ci.fast.maven.server.RunEvent.Progressed;
import ci.fast.maven.server.RunEvent.RunFinished;
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
    /** A result's {@code file_status} when a test of the class failed (PROTOCOL.md section 3). */
    private static final String FAILED = "failed";

    private final StoredRun store;
    /** Where what each CI node was handed, and what of it failed, is kept for a retry of its job. */
    private final NodeShares shares;
    /** Where the estimates come from at the enq. */
    private final TimingHistory history;
    /** Nanoseconds, as {@link System#nanoTime}: how old the queue is decides how large batches may be. */
    private final LongSupplier clock;
    /** How long a node whose connection closed keeps what it holds, waiting for it to rejoin; nanoseconds. */
    private final long graceNanos;
    /**
     * Surefire's {@code skipAfterFailureCount} for the whole run: once this many tests have failed (failures and
     * errors, as the results count them), no node takes another class; 0 for no limit.
     */
    private final int failureLimit;
    /** The failed tests of the results recorded so far. */
    private int failures;
    /**
     * The classes no node will run because the failure limit was reached: taken off the queue, they count as done for
     * the run's end. Kept in the enq's order.
     */
    private final Set<String> skipped = new LinkedHashSet<>();

    /** The per-JVM cache of each enqueued class that has one, from the history at the enq; soft state, a hint. */
    private Map<String, String> contextOf = Map.of();
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
    /** The last command's unit of work, on its way to the store's disk. */
    private Durable committed = Durable.NOW;
    /** The current command's events; a fresh list per command. */
    private List<RunEvent> events = new ArrayList<>();

    private RunRules(Builder b) {
        if (b.failureLimit < 0) {
            throw new IllegalArgumentException(
                    "skipAfterFailureCount must be 0 (no limit) or more, was " + b.failureLimit);
        }
        this.store = b.store;
        this.shares = b.shares;
        this.history = b.history;
        this.clock = b.clock;
        this.graceNanos = b.graceNanos;
        this.failureLimit = b.failureLimit;
        carryOn();
    }

    /**
     * Takes up a run the store kept from an earlier server process (nothing for a new run): its nodes that hold classes
     * are away, as if their connections had just closed, and have the grace to rejoin; the failures counted and the
     * classes skipped for them are read back from the results; what the run had told of its progress is not told
     * again.
     */
    private void carryOn() {
        if (store.nodes() != null) {
            rebuild(); // a shared store knows every node, and which are away since when
            return;
        }
        long now = clock.getAsLong();
        for (int index : store.holders()) {
            Node node = new Node(index);
            node.away = true;
            node.awaySince = now;
            node.restored = true;
            nodes.put(index, node);
        }
        recount();
    }

    /**
     * Rebuilds what the rules know besides the store's facts from a shared store's nodes, after another server process
     * changed the run: a node connected here keeps what this process knew of it; one connected to another process is
     * remote (this one neither serves nor expires it); one away keeps its classes until its grace is over; one the
     * store no longer has was given up on elsewhere.
     */
    private void rebuild() {
        Map<Integer, Node> before = new LinkedHashMap<>(nodes);
        nodes.clear();
        for (StoredNode row : store.nodes()) {
            Node node = before.remove(row.index());
            if (node == null || !row.here()) {
                node = node == null ? new Node(row.index()) : node;
                node.restored = true; // its last results may be another process's to know: any may come again
            }
            node.remote = !row.here() && !row.away();
            node.away = row.away();
            node.awaySince = row.awaySince();
            if (node.away || node.remote) {
                holding.remove(node);
                node.waiting = false;
                setBusyUntil(node, -1);
            }
            nodes.put(row.index(), node);
        }
        for (Node gone : before.values()) {
            holding.remove(gone);
            setBusyUntil(gone, -1);
        }
        recount();
    }

    /**
     * Reads back from the store's facts what the rules count of them: the failures, the classes skipped for them,
     * the tenths told and whether the end was.
     */
    private void recount() {
        failures = 0;
        skipped.clear();
        if (!store.hasQueue()) {
            return;
        }
        Set<String> held = new HashSet<>();
        for (int index : store.holders()) {
            held.addAll(store.held(index));
        }
        for (String key : store.classes()) {
            store.result(key).ifPresent(result -> failures += failedTests(result));
        }
        if (failureLimitReached()) {
            // Taken off the queue as skipped before the restart: neither queued nor held nor done.
            for (String key : store.classes()) {
                if (!store.hasResult(key) && !held.contains(key)) {
                    skipped.add(key);
                }
            }
        }
        int classes = store.classes().size();
        tenthsTold = Math.max(tenthsTold, classes == 0 ? 0 : store.resultCount() * 10 / classes);
        announced = announced || finished();
    }

    /**
     * Starts a command: a store shared with other server processes locks the run and reads back what they changed,
     * and then what the rules know besides its facts is rebuilt.
     */
    private void refresh() {
        if (store.begin()) {
            rebuild();
        }
    }

    private static int failedTests(Result result) {
        return (int) result.tests().stream()
                .filter(test -> FAILED.equals(test.status()))
                .count();
    }

    /**
     * Rules of the run kept in {@code store}, estimating by {@code history}, timed by {@code clock} (nanoseconds, as
     * {@link System#nanoTime}); the rest as the builder's defaults say.
     */
    static Builder builder(StoredRun store, TimingHistory history, LongSupplier clock) {
        return new Builder(store, history, clock);
    }

    /** The rules' settings beside their store; each has a default. */
    static final class Builder {
        private final StoredRun store;
        private final TimingHistory history;
        private final LongSupplier clock;
        private NodeShares shares = NodeShares.NONE;
        private long graceNanos = Orchestrator.RECONNECT_GRACE.toNanos();
        private int failureLimit;

        private Builder(StoredRun store, TimingHistory history, LongSupplier clock) {
            this.store = store;
            this.history = history;
            this.clock = clock;
        }

        /** Where the classes handed to a node that named its CI node, and which of them failed, are kept. */
        Builder shares(NodeShares shares) {
            this.shares = shares;
            return this;
        }

        /** How long a node whose connection closed keeps its classes, waiting for it to rejoin; nanoseconds. */
        Builder graceNanos(long graceNanos) {
            this.graceNanos = graceNanos;
            return this;
        }

        /**
         * Failed tests after which no class is handed out any more (Surefire's {@code skipAfterFailureCount}); 0 for
         * no limit.
         */
        Builder failureLimit(int failureLimit) {
            this.failureLimit = failureLimit;
            return this;
        }

        RunRules build() {
            return new RunRules(this);
        }
    }

    RunId id() {
        return store.id();
    }

    /**
     * Undoes the command under way after its store failed in its middle: its events are told to no one, and the
     * store's unit is undone ({@link StoredRun#abort}), so that the next command starts from what the store holds.
     */
    void abort() {
        events = new ArrayList<>();
        store.abort();
    }

    /** The last command's unit of work: its events are told to no one before it is on the disk. */
    Durable committed() {
        return committed;
    }

    /**
     * A node joins; refused once the run has finished.
     *
     * @param replacing the node this join replaces (a second join on one connection, as in Phoenix: its classes go
     *     back first), or -1
     */
    List<RunEvent> join(int replacing) {
        return join(replacing, null, null);
    }

    /**
     * A node joins, or rejoins: a join that offers a token this run gave (PROTOCOL.md section 5) is the node it named,
     * which keeps its index and the classes it holds, and whose old connection, if the server still has it, no longer
     * counts. Refused once the run has finished.
     *
     * @param replacing the node this join replaces (a second join on one connection, as in Phoenix: its classes go
     *     back first), or -1
     * @param offered the token the joiner offers; null for none
     * @param fresh the token a new node is known by from now on; null to give none
     */
    List<RunEvent> join(int replacing, String offered, String fresh) {
        return join(replacing, offered, fresh, null);
    }

    /**
     * As {@link #join(int, String, String)}, by a node that says which CI node it is: what it is handed, and which of
     * those classes fail on it, are kept in the store's {@link NodeShares} for a retry of its CI job.
     *
     * @param ci the CI node; null when the joiner named none (a rejoin keeps the one it named before)
     */
    List<RunEvent> join(int replacing, String offered, String fresh, CiNode ci) {
        refresh();
        if (finished()) {
            events.add(new JoinRefused(RUN_FINISHED));
            return done();
        }
        events.add(null); // the join comes first, as its reply must: filled in below
        int known = offered == null ? -1 : store.nodeNamed(offered);
        if (replacing >= 0 && replacing != known) {
            lose(replacing);
            serveWaiting();
        }
        Node node = known < 0 ? null : nodes.get(known);
        if (node == null) {
            // A new node, or a known one that was given up on (its grace ran out, or it left): its index, no classes.
            node = new Node(known >= 0 ? known : store.nextNodeIndex());
            nodes.put(node.index, node);
            if (known < 0 && fresh != null) {
                store.nameNode(fresh, node.index);
            }
        }
        // A deq on the old connection is owed nothing: the node asks again on this one.
        holding.remove(node);
        node.away = false;
        node.remote = false; // a node that moved here from another process is this one's now
        node.doomed = false;
        store.nodeHere(node.index);
        node.rejoined = known >= 0;
        if (ci != null) {
            node.ci = ci;
            // Known from its join, not from its first batch: a node that got none ran nothing, and its retry reruns
            // nothing, where a node never seen would rerun every class.
            shares.handedOut(ci, List.of());
        }
        boolean running = store.hasQueue() || node.index == 0;
        node.waiting = !running;
        events.set(0, known >= 0 ? new NodeRejoined(node.index, running) : new NodeJoined(node.index, running));
        return done();
    }
    /** Node 0's enq of {@code classes} (distinct); a second enq adds nothing. */
    List<RunEvent> enq(List<String> classes) {
        refresh();
        if (store.hasQueue()) {
            return done();
        }
        Map<String, Double> estimates = history.estimates(id().runKey(), classes);
        Set<String> failedLastTime = history.failed(id().runKey(), classes);
        contextOf = Map.copyOf(history.contexts(id().runKey(), classes));
        store.enqueue(classes, estimates, clock.getAsLong());
        // What failed last time first, so that a build still broken says so at once; then (and among those) longest
        // first, so that no long class starts last. Stable: equal estimates keep the enq's order.
        classes.stream()
                .sorted(Comparator.comparing((String key) -> !failedLastTime.contains(key))
                        .thenComparing(
                                Comparator.comparingDouble(estimates::get).reversed()))
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

    /**
     * Node {@code node} asks for a batch, with the results of the one it held. The first deq after a rejoin may
     * repeat the results of the last one (its reply was lost), which are no duplicates; when it leaves out classes the
     * node holds, the node never got them (the reply that handed them out was lost) and is handed them again.
     */
    List<RunEvent> deq(int node, List<Result> results) {
        refresh();
        Node asking = nodes.get(node);
        if (asking == null || asking.away || asking.remote) {
            return done();
        }
        Set<String> sent = new HashSet<>();
        for (Result result : results) {
            sent.add(result.key());
            store.release(node, result.key());
            // A node the server took up from its store may repeat any result of its last deq: which ones is not kept.
            boolean resent = asking.rejoined
                    && store.hasResult(result.key())
                    && (asking.restored || asking.lastSent.contains(result.key()));
            if (!resent && record(result) && asking.ci != null && FAILED.equals(result.status())) {
                shares.failed(asking.ci, result.key());
            }
        }
        asking.lastSent = sent;
        // Results for classes an away node holds come from the fork that replaced a dead one: it is not coming back.
        loseAwayHolders(sent, asking);
        if (asking.rejoined) {
            asking.rejoined = false;
            asking.restored = false;
            List<String> kept = store.held(node).stream()
                    .filter(key -> !store.hasResult(key))
                    .toList();
            if (!kept.isEmpty()) {
                events.add(new BatchHandedOut(node, kept));
                serveWaiting();
                return done();
            }
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
        refresh();
        results.forEach(this::record);
        for (String key : unstarted) {
            store.addLoss(key, -1);
        }
        // The node that held these classes ran in the dead fork: it cannot come back, so it keeps nothing.
        Set<String> keys = new HashSet<>(unstarted);
        results.forEach(result -> keys.add(result.key()));
        for (Node node : List.copyOf(nodes.values())) {
            if (ranIn(node, keys)) {
                if (node.away) {
                    lose(node.index);
                } else {
                    node.doomed = true; // its connection's close, still on its way, ends it at once
                }
            }
        }
        serveWaiting();
        return done();
    }

    /** Node {@code node} left: what it held goes back to the queue at once. */
    List<RunEvent> leave(int node) {
        refresh();
        Node leaving = nodes.get(node);
        if (leaving != null && leaving.remote) {
            return done(); // an old connection's: the node is another process's now
        }
        lose(node);
        serveWaiting();
        return done();
    }

    /**
     * Node {@code node}'s connection closed without a leave: it keeps what it holds for the grace, in case it rejoins;
     * a node known to be dead (its fork's results were recorded) loses it at once.
     */
    List<RunEvent> disconnected(int node) {
        refresh();
        Node away = nodes.get(node);
        if (away == null || away.away || away.remote) {
            return done(); // a remote node's old connection closed here: it is connected to another process
        }
        if (away.doomed) {
            lose(node);
            serveWaiting();
            return done();
        }
        away.away = true;
        away.awaySince = clock.getAsLong();
        store.nodeAway(node, away.awaySince);
        holding.remove(away);
        events.add(new NodeAway(
                node,
                store.held(node).stream().filter(key -> !store.hasResult(key)).toList()));
        return done();
    }

    /** Loses every away node whose grace is over: what it held goes back to the queue. */
    List<RunEvent> expire() {
        refresh();
        long now = clock.getAsLong();
        for (Node node : List.copyOf(nodes.values())) {
            if (node.away && now - node.awaySince >= graceNanos) {
                lose(node.index);
            }
        }
        serveWaiting();
        return done();
    }

    /**
     * Another server process changed the run (a shared store's): its changes are read back, and this process's nodes
     * that wait are served by them: a deq_request once the queue exists, a batch once classes came back to the queue,
     * an empty one once the run finished.
     */
    List<RunEvent> poke() {
        refresh();
        if (store.hasQueue()) {
            for (Node node : nodes.values()) {
                if (node.waiting) {
                    node.waiting = false;
                    events.add(new DeqRequested(node.index));
                }
            }
        }
        serveWaiting();
        return done();
    }

    /** Whether a node of this process waits for what another may do: a deq held, or a join before the enq. */
    boolean waits() {
        return !holding.isEmpty() || nodes.values().stream().anyMatch(node -> node.waiting);
    }

    /** Nanoseconds until the next away node's grace is over; -1 when no node is away. */
    long nextExpiry() {
        long now = clock.getAsLong();
        long next = -1;
        for (Node node : nodes.values()) {
            if (node.away) {
                long left = Math.max(0, node.awaySince + graceNanos - now);
                next = next < 0 ? left : Math.min(next, left);
            }
        }
        return next;
    }

    /** Whether every enqueued class has a result, or will not run because the failure limit was reached. */
    boolean finished() {
        return store.hasQueue()
                && store.resultCount() + skipped.size() >= store.classes().size();
    }

    /** Enqueued classes without a result yet that are still to run, in the enq's order. */
    List<String> unfinished() {
        return store.classes().stream()
                .filter(key -> !store.hasResult(key) && !skipped.contains(key))
                .toList();
    }

    /** Classes no node was handed because the failure limit was reached, in the enq's order; empty before. */
    List<String> skippedAfterFailures() {
        return store.classes().stream().filter(skipped::contains).toList();
    }

    /** Whether the run's failed tests have reached its failure limit: no node takes another class. */
    boolean failureLimitReached() {
        return failureLimit > 0 && failures >= failureLimit;
    }

    /** Classes recorded failed because two nodes were lost running them, in the order they were. */
    List<String> lostTwice() {
        return store.lostTwice();
    }

    /**
     * Keeps the reports of classes the run enqueued, the first of each class; a report of a class it never enqueued (a
     * node of another run, a selection of its own) is dropped.
     *
     * @return how many were kept
     */
    int addReports(List<Report> reports) {
        refresh();
        int kept = 0;
        for (Report report : reports) {
            if (store.isEnqueued(report.key()) && store.addReport(report)) {
                kept++;
            }
        }
        committed = store.commit(); // awaited before the node is told they are kept
        return kept;
    }

    /** The reports kept, in the order they came. */
    List<Report> reports() {
        return store.reports();
    }

    /** Every class enqueued, in the enq's order; empty before the enq. */
    List<String> classes() {
        return store.classes();
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
        committed = store.commit(); // awaited before any of the events reaches a node
        return out;
    }

    private void lose(int index) {
        Node node = nodes.remove(index);
        if (node != null) {
            store.nodeGone(index);
            holding.remove(node);
            int at = events.size();
            events.add(null); // the loss comes before what it causes, such as a class lost twice: filled in below
            events.set(at, new NodeLost(node.index, requeueHeldBy(node, true)));
        }
    }

    /** Loses the away nodes other than {@code asking} that hold any of {@code keys}. */
    private void loseAwayHolders(Set<String> keys, Node asking) {
        for (Node node : List.copyOf(nodes.values())) {
            if (node != asking && node.away && ranIn(node, keys)) {
                lose(node.index);
            }
        }
    }

    /**
     * Whether {@code keys}, a dead fork's last batch, were {@code node}'s: it holds one of them, or sent results for
     * them in its last deq (the fork died waiting for the reply, which may have handed it a batch it never saw).
     */
    private boolean ranIn(Node node, Set<String> keys) {
        return store.held(node.index).stream().anyMatch(keys::contains)
                || node.lastSent.stream().anyMatch(keys::contains);
    }

    /**
     * Records a class's first result; a second one is dropped, and a key never enqueued is ignored.
     *
     * @return whether it was recorded
     */
    private boolean record(Result result) {
        if (!store.isEnqueued(result.key())) {
            return false; // never enqueued: counting it would end the run before every class has a result
        }
        if (!store.addResult(result)) {
            events.add(new DuplicateDropped(result.key()));
            return false;
        }
        store.unqueue(result.key());
        skipped.remove(result.key()); // a result that comes after all (a dead fork's, carried) is the class's
        events.add(new ClassCompleted(result));
        failures += failedTests(result);
        if (failureLimitReached()) {
            skipQueued();
        }
        return true;
    }

    /** Takes every queued class off the queue, as skipped: the failure limit is reached, none is handed out again. */
    private void skipQueued() {
        while (!store.queueEmpty()) {
            for (String key : store.take(Double.MAX_VALUE)) {
                if (!store.hasResult(key)) {
                    skipped.add(key);
                }
            }
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
            } else if (failureLimitReached()) {
                skipped.add(key); // no node takes it again
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

    /**
     * Answers every waiting deq that can be answered now: with a batch, or empty once all classes have results or the
     * failure limit is reached.
     */
    private void serveWaiting() {
        if (!store.hasQueue()) {
            return;
        }
        for (Iterator<Node> waiting = holding.iterator(); waiting.hasNext(); ) {
            Node node = waiting.next();
            if (failureLimitReached()) {
                // No node takes another class; one still running its batch sends its results and is answered so too.
                events.add(new BatchHandedOut(node.index, List.of()));
            } else if (!store.queueEmpty()) {
                long age = clock.getAsLong() - store.enqueuedAt();
                double cap = BatchPolicy.cap(age / 1e9, store.doneSeconds());
                double share = BatchPolicy.share(store.queuedSeconds(), running(age), nodes.size(), cap);
                List<String> batch = contextOf.isEmpty() ? store.take(share) : takeByContext(node, share);
                store.hold(node.index, batch);
                if (node.ci != null) {
                    shares.handedOut(node.ci, batch);
                }
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

    /**
     * A batch for {@code node} that spares the forks building a per-JVM cache (a Spring context) another already has:
     * first the queued classes of the caches it has built; then those of no cache and those of one cache no node has
     * built (the first in queue order: it becomes this node's); then those of the other caches no node has built; and
     * only then those of caches other nodes have built. Queue order (failed first, longest first) within each, but
     * that a node that has built no cache yet starts with the class {@link BatchPolicy#warmUp} names; the
     * batch's size is the share's, as ever. A scheduling hint: every class still runs, on whichever node asks when
     * only it is left.
     */
    private List<String> takeByContext(Node node, double share) {
        Set<String> others = new HashSet<>();
        for (Node other : nodes.values()) {
            if (other != node) {
                others.addAll(other.contexts);
            }
        }
        // A cold JVM starts with a median class of an unbuilt cache, not the longest (BatchPolicy.warmUp).
        String first = node.contexts.isEmpty() ? BatchPolicy.warmUp(unbuilt(others)) : null;
        // The new cache this batch may start: the first's, else the first met in queue order.
        String[] claimed = {first == null ? null : contextOf.get(first)};
        List<String> batch = store.take(share, key -> {
            String context = contextOf.get(key);
            if (key.equals(first)) {
                return -1;
            } else if (context == null) {
                return 1;
            } else if (node.contexts.contains(context)) {
                return 0;
            } else if (others.contains(context)) {
                return 3;
            } else if (claimed[0] == null || claimed[0].equals(context)) {
                claimed[0] = context;
                return 1;
            }
            return 2;
        });
        for (String key : batch) {
            String context = contextOf.get(key);
            if (context != null) {
                node.contexts.add(context);
            }
        }
        return batch;
    }

    /**
     * The classes waiting in the queue whose caches no node but the asking one has built, with their estimates: never
     * one a node holds (on replicas, a node of another replica's, whose caches this one does not know).
     */
    private Map<String, Double> unbuilt(Set<String> others) {
        Map<String, Double> unbuilt = new HashMap<>();
        contextOf.forEach((key, context) -> {
            if (!others.contains(context) && store.isQueued(key)) {
                unbuilt.put(key, store.estimate(key));
            }
        });
        return unbuilt;
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
        /** Its connection closed without a leave: it keeps its classes until {@link #awaySince} plus the grace. */
        boolean away;
        /** Connected to another server process sharing the store: that one serves it, and none expires it. */
        boolean remote;
        /** When it went away, on the rules' clock; meaningful only while {@link #away}. */
        long awaySince;
        /** Its fork is known dead while its connection is still open: the close ends it without a grace. */
        boolean doomed;
        /** It rejoined and has not asked for a batch since: its first deq may find its batch never reached it. */
        boolean rejoined;
        /** Taken up from the store after a restart, and not yet asked for a batch since: its last results are unknown. */
        boolean restored;
        /** The CI node it said it is; null when it named none. */
        CiNode ci;
        /** The keys of its last deq's results: a rejoined node repeats them when their reply was lost. */
        Set<String> lastSent = Set.of();
        /** The per-JVM caches (Spring contexts, …) of the classes it was handed: those its JVM has built. */
        final Set<String> contexts = new HashSet<>();

        Node(int index) {
            this.index = index;
        }
    }
}
