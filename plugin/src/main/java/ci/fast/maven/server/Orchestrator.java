package ci.fast.maven.server;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.server.dashboard.Board;
import ci.fast.maven.server.dashboard.StoreFeed;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Routes each frame a peer sends to the socket's heartbeat or to the run of its topic, and answers what Phoenix
 * would answer for everything else. Each run is its {@link RunRules} over a {@link RunStore}, with this process's
 * {@link RunDispatch} beside them; what the runs do goes to {@link RunListener}s. A finished run is forgotten once
 * its grace is over ({@link Builder#finishedRunGrace}), so that a standing server does not grow with every run it
 * served: looked for at each join, and, with {@link Builder#sweepEvery}, on the timer. Thread-safe: runs lock
 * themselves.
 */
public final class Orchestrator implements FrameHandler, ReportArchive, AutoCloseable {
    /** How long a finished run is remembered by default: a late node of it is told "run finished" meanwhile. */
    public static final Duration FINISHED_RUN_GRACE = Duration.ofHours(1);

    /**
     * How long a node whose connection closed without a leave keeps the classes it holds, by default, waiting for it to
     * rejoin (PROTOCOL.md section 5): three minutes, the client's reconnect window — the waits of its backoff
     * ({@link Backoff#DEFAULT}, two minutes) and its last attempt's connect and join timeouts (30 s each). A node known
     * to be dead (a leave, its fork's results recorded or carried by another node) loses them at once.
     */
    /** How long after a failed expiry of away nodes (the store failed) the next try comes. */
    private static final Duration EXPIRY_RETRY = Duration.ofSeconds(5);

    public static final Duration RECONNECT_GRACE = Backoff.DEFAULT.total().plus(Duration.ofSeconds(60));

    private final Map<String, RunDispatch> runs = new ConcurrentHashMap<>();
    /** The topics each peer has joined. */
    private final Map<Peer, Set<String>> joined = new ConcurrentHashMap<>();

    private final RunStore store;
    /** The server's log, for what happens outside any run (a retried node asking what it ran). */
    private final Consumer<String> log;

    private final TimingHistory timings;
    private final Listeners listeners;
    private final LongSupplier clock;
    private final Evictions evictions;
    private final Duration reconnectGrace;
    /** The runs whose expiry a shared store's news has timed already: one timer each, not one per notification. */
    private final Set<String> expiring = ConcurrentHashMap.newKeySet();
    /** Failed tests after which a run hands out no more classes (Surefire's skipAfterFailureCount); 0 for no limit. */
    private final int skipAfterFailureCount;
    /** Wakes a run when an away node's grace is over; null for {@link GraceTimer#SHARED}. */
    private final Scheduler timer;
    /** This orchestrator's own metrics: its gauges read its runs; null when built {@link Builder#withoutMetrics}. */
    private final ServerMetrics metrics;
    /** Null for none. */
    private final Board dashboard;
    /** What the store keeps, read onto the dashboard; null without one. */
    private final StoreFeed feed;
    /** Stops the periodic sweep of finished runs past their grace; a no-op without one. */
    private final AutoCloseable sweep;

    private Orchestrator(Builder builder) {
        this.store = builder.store;
        this.log = builder.log;
        this.timings = builder.timings;
        this.clock = builder.clock;
        this.metrics = builder.metrics ? new ServerMetrics(this::load) : null;
        List<RunListener> all = new ArrayList<>();
        all.add(new LogListener(builder.log));
        all.add(new TimingsListener(builder.timings, builder.log));
        if (metrics != null) {
            all.add(metrics);
        }
        all.addAll(builder.listeners);
        this.listeners = new Listeners(all);
        this.evictions = new Evictions(builder.grace.toNanos(), builder.clock);
        this.reconnectGrace = builder.reconnectGrace;
        this.skipAfterFailureCount = builder.skipAfterFailureCount;
        this.timer = builder.timer;
        this.dashboard = builder.dashboard;
        carryOn();
        this.feed = dashboard == null
                ? null
                : StoreFeed.start(store, dashboard, Scheduler.daemon("fast-ci-dashboard-reads"), builder.log);
        this.sweep = builder.sweep == null ? () -> {} : timer().every(builder.sweep, this::sweep);
        store.onChange(this::changed);
        store.onDeath(this::orphaned);
    }

    /**
     * Another server process on the shared store changed run {@code topic}: a node of this one that waits (a held deq,
     * a join before the enq) is served by what it did, such as the last result of the run.
     */
    private void changed(String topic) {
        long arrived = clock.getAsLong();
        RunDispatch run = runs.get(topic);
        if (run != null && run.waits()) {
            send(deliver(run, run.poke()), arrived);
        }
    }

    /**
     * A server process on the shared store died with nodes of run {@code topic}: they are away since its last sign of
     * life, and unless they rejoin (here or elsewhere) within the grace, this process gives up on them.
     */
    private void orphaned(String topic) {
        RunDispatch run = runs.get(topic);
        if (run == null) {
            RunId id = store.runs().stream()
                    .filter(stored -> stored.topic().equals(topic))
                    .findFirst()
                    .orElse(null);
            if (id == null) {
                return;
            }
            run = runs.computeIfAbsent(topic, t -> taken(dispatch(id)));
        }
        RunDispatch orphan = run;
        if (orphan.finished()) {
            return; // nothing left to hand out or give up on
        }
        send(deliver(orphan, orphan.poke()), clock.getAsLong());
        long next = orphan.nextExpiry();
        if (next >= 0 && expiring.add(topic)) {
            expireLater(orphan, next, () -> expiring.remove(topic));
        }
    }

    /** Stops the sweep of finished runs ({@link Builder#sweepEvery}) and the dashboard's reads; the runs stay. */
    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
        try {
            sweep.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the sweep of finished runs", e);
        }
    }

    /**
     * Forgets the finished runs past their grace, and deletes them from the store; a run the store cannot delete now
     * stays, and is tried again at the next sweep (the periodic one goes on whatever one run does).
     */
    private void sweep() {
        for (RunId id : evictions.expired()) {
            try {
                evict(id);
            } catch (RuntimeException e) {
                log.accept("fast-ci cannot delete the finished run " + id.topic() + " from its store (" + e.getMessage()
                        + "); it tries again at the next sweep");
                evictions.finished(id);
            }
        }
    }

    private Scheduler timer() {
        return timer != null ? timer : GraceTimer.SHARED;
    }

    /**
     * Takes up the runs the store kept from an earlier server process: their nodes have the reconnect grace to rejoin,
     * and a finished one is forgotten the finished runs' grace from now.
     */
    private void carryOn() {
        for (RunId id : store.runs()) {
            RunDispatch run = dispatch(id);
            runs.put(id.topic(), run);
            if (run.finished()) {
                evictions.finished(id);
            }
            long next = run.nextExpiry();
            if (next >= 0) {
                expireLater(run, next);
            }
        }
    }

    /**
     * A run this process takes up from the store after its start (a late node's join, a dead replica's run): one that
     * finished already (on another replica, or before a restart) is forgotten after the grace, as if it finished here.
     */
    private RunDispatch taken(RunDispatch run) {
        if (run.finished()) {
            evictions.finished(run.id());
        }
        return run;
    }

    private RunDispatch dispatch(RunId id) {
        return new RunDispatch(RunRules.builder(store.open(id), timings, clock)
                .shares(store.shares())
                .graceNanos(reconnectGrace.toNanos())
                .failureLimit(skipAfterFailureCount)
                .build());
    }

    /** An orchestrator whose timing history, by run key, is in memory and empty at first. */
    public Orchestrator(Consumer<String> log) {
        this(builder().log(log));
    }

    /**
     * An orchestrator for one project's runs, as a local run has: every run, whatever its run key, is ordered and
     * batched by {@code timings}, adds each result to it, and saves it whenever it finishes.
     *
     * @param log receives one line per join, finished run and lost node
     */
    public Orchestrator(Consumer<String> log, Timings timings) {
        this(builder().log(log).timings(TimingHistory.of(timings)));
    }

    /** A builder with an in-memory store, an empty in-memory history keyed by run key, and the system's clock. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void receive(Peer peer, Frame frame) {
        long arrived = clock.getAsLong();
        List<Delivery> out = route(peer, frame);
        if (metrics != null
                && Events.DEQ.equals(frame.event())
                && out.stream().noneMatch(d -> repliesTo(d, peer, frame))) {
            metrics.deqHeld();
        }
        send(out, arrived);
    }

    @Override
    public Optional<Board> dashboard() {
        return Optional.ofNullable(dashboard);
    }

    /** Registers this orchestrator's metrics ({@link ServerMetrics}) with a server's registry. */
    @Override
    public void register(PrometheusRegistry registry) {
        if (metrics == null) {
            throw new IllegalStateException("this orchestrator was built without metrics: nothing to register");
        }
        metrics.register(registry);
    }

    /**
     * A peer's connection closed: its node in every run it had joined keeps what it holds for the reconnect grace, and
     * loses it then unless it has rejoined.
     */
    @Override
    public void closed(Peer peer) {
        long arrived = clock.getAsLong();
        Set<String> topics = joined.remove(peer);
        if (topics == null) {
            return;
        }
        for (String topic : topics) {
            RunDispatch run = runs.get(topic);
            if (run != null) {
                send(deliver(run, run.disconnected(peer)), arrived);
            }
        }
    }

    /**
     * Records results that come from no node: in local mode, those a dead fork had not sent, recorded as soon as the
     * fork is known dead, so that the class that killed it is not handed to another fork; the classes of its batch it
     * never started are not counted as lost (a class lost twice is recorded failed).
     */
    public void record(String topic, JsonObject results, List<String> unstarted) {
        long arrived = clock.getAsLong();
        RunDispatch run = runs.get(topic);
        if (run != null) {
            send(deliver(run, run.record(results, unstarted)), arrived);
        }
    }

    /** The classes of {@code topic} enqueued and without a result; empty for an unknown (or forgotten) topic. */
    public List<String> unfinished(String topic) {
        RunDispatch run = runs.get(topic);
        return run == null ? List.of() : run.unfinished();
    }

    /**
     * Classes of {@code topic} no node was handed because the run's failed tests reached the orchestrator's
     * {@code skipAfterFailureCount}: they did not run, and are not to; empty for an unknown topic.
     */
    public List<String> skippedAfterFailures(String topic) {
        RunDispatch run = runs.get(topic);
        return run == null ? List.of() : run.skippedAfterFailures();
    }

    /** Classes of {@code topic} recorded failed because two nodes were lost running them. */
    public List<String> lostTwice(String topic) {
        RunDispatch run = runs.get(topic);
        return run == null ? List.of() : run.lostTwice();
    }

    /** Results of {@code topic} dropped because the class had one already (first wins); 0 for an unknown topic. */
    public int duplicates(String topic) {
        RunDispatch run = runs.get(topic);
        return run == null ? 0 : run.progress().duplicates();
    }

    @Override
    public int add(String topic, List<Report> reports) {
        RunDispatch run = runs.get(topic);
        return run == null ? -1 : run.addReports(reports);
    }

    @Override
    public Optional<Archived> reports(String topic) {
        RunDispatch run = runs.get(topic);
        return run == null ? Optional.empty() : Optional.of(run.reports());
    }

    /** The topics of the runs remembered: live ones, and finished ones within their grace. */
    Set<String> topics() {
        return Set.copyOf(runs.keySet());
    }

    private List<Delivery> route(Peer peer, Frame frame) {
        String topic = frame.topic();
        if (Events.PHOENIX_TOPIC.equals(topic) && Events.HEARTBEAT.equals(frame.event())) {
            return List.of(new Delivery(peer, Frame.reply(frame, Events.STATUS_OK, Json.EMPTY)));
        }
        if (Events.JOIN.equals(frame.event()) && topic.startsWith(Events.SHARE_TOPIC_PREFIX)) {
            return List.of(new Delivery(peer, share(frame)));
        }
        if (Events.JOIN.equals(frame.event())) {
            return join(peer, frame);
        }
        Set<String> topics = joined.get(peer);
        if (topics == null || !topics.contains(topic)) {
            return List.of(error(peer, frame, "unmatched topic"));
        }
        RunDispatch run = runs.get(topic);
        if (run == null) { // forgotten after its grace while this peer stayed joined: it finished long ago
            topics.remove(topic);
            return switch (frame.event()) {
                case Events.LEAVE -> List.of();
                case Events.PHX_LEAVE -> List.of(new Delivery(peer, Frame.reply(frame, Events.STATUS_OK, Json.EMPTY)));
                default -> List.of(error(peer, frame, RunRules.RUN_FINISHED));
            };
        }
        return switch (frame.event()) {
            case Events.ENQ -> deliver(run, run.enq(peer, frame));
            case Events.DEQ -> deliver(run, run.deq(peer, frame));
            case Events.LEAVE -> {
                topics.remove(topic);
                // A leave can finish the run: its classes lost a second time are recorded as failed.
                yield deliver(run, run.leave(peer));
            }
            case Events.PHX_LEAVE -> {
                topics.remove(topic);
                List<Delivery> out = new ArrayList<>(deliver(run, run.leave(peer)));
                out.add(0, new Delivery(peer, Frame.reply(frame, Events.STATUS_OK, Json.EMPTY)));
                yield out;
            }
            default -> List.of(error(peer, frame, "unknown event"));
        };
    }

    private List<Delivery> join(Peer peer, Frame frame) {
        String topic = frame.topic();
        if (!topic.startsWith(Events.TOPIC_PREFIX)) {
            return List.of(error(peer, frame, "unmatched topic"));
        }
        sweep();
        RunId id = new RunId(topic, peer.runKey());
        if (!runs.containsKey(topic)) {
            store.open(id); // read from the store before the map's lock, which a slow read would hold for other runs
        }
        RunDispatch run = runs.computeIfAbsent(topic, t -> taken(dispatch(id)));
        RunDispatch.Step step = run.join(peer, frame);
        if (step.joinedFrom() != null) {
            joined.computeIfAbsent(peer, p -> ConcurrentHashMap.newKeySet()).add(topic);
        }
        return deliver(run, step);
    }

    /**
     * Answers a retried CI node's question (PROTOCOL.md section 5): what it ran in the last attempt before its own. The
     * join joins nothing: its reply is the answer.
     */
    private Frame share(Frame join) {
        String lineage = join.topic().substring(Events.SHARE_TOPIC_PREFIX.length());
        String node = join.payload().getString("node", "");
        String attempt = join.payload().getString("attempt", "");
        Optional<NodeShare> earlier = store.shares().earlier(lineage, node, attempt);
        log.accept("retried node " + node + " of " + lineage + " (build " + attempt + ") asks what it ran before: "
                + earlier.map(share -> share.classes().size() + " classes, "
                                + share.failed().size() + " of them failed, in build " + share.attempt())
                        .orElse("nothing kept"));
        return earlier.map(share -> {
                    JsonObject response = Json.PROVIDER
                            .createObjectBuilder()
                            .add("event", Events.SHARE)
                            .add("attempt", share.attempt())
                            .add("tests", Json.PROVIDER.createArrayBuilder(share.classes()))
                            .add("failed", Json.PROVIDER.createArrayBuilder(share.failed()))
                            .add("machines", share.machines())
                            .build();
                    return Frame.reply(join, Events.STATUS_OK, response);
                })
                .orElseGet(() -> Frame.reply(
                        join,
                        Events.STATUS_ERROR,
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("reason", "it keeps no earlier attempt of node " + node)
                                .build()));
    }

    /**
     * Tells the listeners what {@code step} did, before its frames are sent (so that a log line about a run's end
     * precedes the replies that end it), and returns the frames.
     */
    private List<Delivery> deliver(RunDispatch run, RunDispatch.Step step) {
        // Outside the run's lock: the next unit of work goes on while this one's reaches the disk, and may share its
        // sync.
        step.durable().await();
        listeners.tell(run.id(), step.events(), step.joinedFrom());
        if (step.events().stream().anyMatch(event -> event instanceof RunEvent.RunFinished)) {
            evictions.finished(run.id());
        }
        if (step.events().stream().anyMatch(event -> event instanceof RunEvent.NodeAway)) {
            expireLater(run, reconnectGrace.toNanos());
        }
        return step.deliveries();
    }

    /** Gives up on {@code run}'s away nodes once {@code nanos} have passed, and again later for those not yet due. */
    private void expireLater(RunDispatch run, long nanos) {
        expireLater(run, nanos, () -> {});
    }

    /** As {@link #expireLater(RunDispatch, long)}, running {@code done} once no away node is left to time. */
    private void expireLater(RunDispatch run, long nanos, Runnable done) {
        // A millisecond late rather than early: the timer and the rules' clock need not round alike.
        timer().after(Duration.ofNanos(nanos).plusMillis(1), () -> {
            long next;
            try {
                send(deliver(run, run.expire()), clock.getAsLong());
                next = run.nextExpiry();
            } catch (RuntimeException e) {
                // The store failed (a PostgreSQL restart, say): the away nodes are given up on at a later try.
                log.accept("fast-ci cannot give up on the away nodes of "
                        + run.id().topic() + " now (" + e.getMessage() + "); it tries again in "
                        + EXPIRY_RETRY.toSeconds() + " s");
                next = EXPIRY_RETRY.toNanos();
            }
            if (next > 0) {
                expireLater(run, next, done);
            } else {
                done.run();
            }
        });
    }

    /**
     * Sends {@code out} in order, timing each batch among them (a deq's reply) from {@code arrived}: when the frame
     * that let the server answer it reached the orchestrator.
     */
    private void send(List<Delivery> out, long arrived) {
        for (Delivery delivery : out) {
            delivery.send();
            if (metrics != null && isBatch(delivery.frame())) {
                metrics.deqAnswered(clock.getAsLong() - arrived);
            }
        }
    }

    /**
     * What the gauges read: the runs remembered, each under its own lock in turn (not one moment across runs). On a
     * store that several processes share, only the runs with a node connected here: this process's view of another
     * run may be older than the run (the replica that has its nodes may have finished it), and that replica counts it.
     */
    private ServerMetrics.Load load() {
        long active = 0;
        long nodes = 0;
        long unfinished = 0;
        boolean shared = store.shared();
        for (RunDispatch run : runs.values()) {
            ServerMetrics.Load one = run.load();
            if (shared && one.nodes() == 0) {
                continue;
            }
            active += one.runs();
            nodes += one.nodes();
            unfinished += one.unfinished();
        }
        return new ServerMetrics.Load(active, nodes, unfinished);
    }

    private static boolean repliesTo(Delivery delivery, Peer peer, Frame request) {
        return delivery.to() == peer
                && delivery.frame().isReply()
                && request.ref().equals(delivery.frame().ref());
    }

    /** Whether {@code frame} answers a deq with a batch (an empty one included), not with an error. */
    private static boolean isBatch(Frame frame) {
        return frame.isReply()
                && Events.STATUS_OK.equals(frame.replyStatus())
                && Events.DEQ.equals(frame.replyResponse().getString("event", null));
    }

    private void evict(RunId id) {
        RunDispatch run = runs.get(id.topic());
        if (run != null && run.id().equals(id)) {
            store.delete(id.topic()); // first: a run the store still has stays known here
            if (runs.remove(id.topic(), run)) {
                listeners.evicted(id);
            }
        }
    }

    private static Delivery error(Peer peer, Frame request, String reason) {
        JsonObject response =
                Json.PROVIDER.createObjectBuilder().add("reason", reason).build();
        return new Delivery(peer, Frame.reply(request, Events.STATUS_ERROR, response));
    }

    /** The default timer, made on first use: most orchestrators never see a node go away. */
    private static final class GraceTimer {
        static final Scheduler SHARED = Scheduler.daemon("fast-ci-reconnect-grace");
    }

    /** Builds an {@link Orchestrator}; every setting has a default. */
    public static final class Builder {
        private Consumer<String> log = line -> {};
        private TimingHistory timings = RunKeyTimings.inMemory();
        private RunStore store = new MemoryStore();
        private LongSupplier clock = System::nanoTime;
        private Duration grace = FINISHED_RUN_GRACE;
        private Duration reconnectGrace = RECONNECT_GRACE;
        private int skipAfterFailureCount;
        /** Null for the shared daemon timer. */
        private Scheduler timer;
        /** Null for no periodic sweep (finished runs are then looked for at each join). */
        private Duration sweep;

        private final List<RunListener> listeners = new ArrayList<>();
        /** Null for none. */
        private Board dashboard;

        private boolean metrics = true;

        private Builder() {}

        /**
         * No Prometheus metrics: for the plugin's own embedded orchestrator of a local run, which nothing scrapes (its
         * metrics would load Prometheus' client into Maven's JVM for nothing); {@link #register} then refuses.
         */
        public Builder withoutMetrics() {
            this.metrics = false;
            return this;
        }

        /** Receives one line per join, dropped duplicate, tenth of a run done and finished run. */
        public Builder log(Consumer<String> log) {
            this.log = require(log, "log");
            return this;
        }

        /** The history runs are ordered and batched by; each result adds to it, saved whenever a run finishes. */
        public Builder timings(TimingHistory timings) {
            this.timings = require(timings, "timings");
            return this;
        }

        /** Where the runs' durable facts live. */
        public Builder store(RunStore store) {
            this.store = require(store, "store");
            return this;
        }

        /** Nanoseconds, as {@link System#nanoTime}: batch sizes and the finished runs' grace are measured by it. */
        public Builder clock(LongSupplier clock) {
            this.clock = require(clock, "clock");
            return this;
        }

        /** How long a finished run is remembered, and a late node of it told "run finished"; not negative. */
        public Builder finishedRunGrace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("the grace of a finished run must be 0 or more, not " + grace);
            }
            this.grace = grace;
            return this;
        }

        /**
         * How long a node whose connection closed keeps its classes, waiting for it to rejoin; not negative. At least
         * the reconnect window of the nodes (see {@link #RECONNECT_GRACE}), or a node that comes back late finds its
         * classes handed to another.
         */
        public Builder reconnectGrace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("the reconnect grace must be 0 or more, not " + grace);
            }
            this.reconnectGrace = grace;
            return this;
        }

        /**
         * Surefire's {@code skipAfterFailureCount} for every run: once this many tests of a run have failed (failures
         * and errors), no node of it takes another class, and the classes still queued are skipped; 0 (the default)
         * for no limit.
         */
        public Builder skipAfterFailureCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("skipAfterFailureCount must be 0 (no limit) or more, was " + count);
            }
            this.skipAfterFailureCount = count;
            return this;
        }

        /**
         * Also looks for the finished runs past their grace every {@code period} on the timer, and deletes them, so
         * that a server no node joins any more forgets them too; {@link Orchestrator#close} stops it. A standing
         * server's; positive.
         */
        public Builder sweepEvery(Duration period) {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("the sweep of finished runs needs a positive period, not " + period);
            }
            this.sweep = period;
            return this;
        }

        /** Where the end of a reconnect grace is timed; by default one daemon thread shared by every orchestrator. */
        public Builder timer(Scheduler timer) {
            this.timer = require(timer, "timer");
            return this;
        }

        /** Also tells {@code listener} what the runs do, after the log and the timings. */
        public Builder listener(RunListener listener) {
            listeners.add(require(listener, "listener"));
            return this;
        }

        /**
         * Shows the runs on {@code board}, which the server then serves as its dashboard (a listener like any other,
         * and {@link FrameHandler#dashboard}).
         */
        public Builder dashboard(Board board) {
            this.dashboard = require(board, "dashboard");
            listeners.add(board);
            return this;
        }

        public Orchestrator build() {
            return new Orchestrator(this);
        }

        private static <T> T require(T value, String name) {
            if (value == null) {
                throw new IllegalArgumentException("an orchestrator's " + name + " must not be null");
            }
            return value;
        }
    }
}
