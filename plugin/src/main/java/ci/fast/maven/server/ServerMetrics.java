package ci.fast.maven.server;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * What the server's runs did since it started, as Prometheus metrics named {@code fastci_…}: counters of the events,
 * gauges read from the runs at each scrape, and how long deq replies took. Each server process counts its own: replicas
 * on one database are each scraped, their counters summed; a replica's gauges count the runs it has nodes of. Registered with the registry of each server
 * that serves them ({@link #register}), never with Prometheus' global one: two servers in one JVM keep theirs apart.
 * Thread-safe.
 */
public final class ServerMetrics implements RunListener {
    /**
     * Upper bounds of the deq reply histogram, in seconds: fine below the 10 ms a deq should take under load, coarse
     * above it.
     */
    static final double[] DEQ_REPLY_BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Counter joins =
            counter("fastci_node_joins", "Nodes that joined a run (a rejoin is not counted here).");
    private final Counter rejoins = counter(
            "fastci_node_rejoins",
            "Nodes that reconnected and rejoined their run with their token, keeping the classes they held.");
    private final Counter nodesLost = counter(
            "fastci_nodes_lost",
            "Nodes that left their run or were given up on after the reconnect grace; their classes were requeued.");
    private final Counter batches = counter("fastci_batches", "Non-empty batches of classes handed out.");
    private final Counter classesDone = counter("fastci_classes_done", "Classes that got their first result.");
    private final Counter duplicates =
            counter("fastci_duplicates_dropped", "Second results for a class, dropped: the first one wins.");
    private final Counter runsFinished = counter("fastci_runs_finished", "Runs whose every class has a result.");
    private final Counter runsEvicted =
            counter("fastci_runs_evicted", "Finished runs forgotten once their grace was over.");
    private final Counter deqsHeld =
            counter("fastci_deqs_held", "Deqs not answered on arrival: held until there is work or the run is over.");
    private final Histogram deqReply = Histogram.builder()
            .name("fastci_deq_reply_seconds")
            .help("Time from the frame that let the server answer a deq (the deq itself, or for a held deq the frame"
                    + " that released it) reaching the orchestrator to the reply being written to the node's socket.")
            .classicOnly()
            .classicUpperBounds(DEQ_REPLY_BOUNDS)
            .withoutExemplars()
            .build();
    private final List<Collector> gauges;

    /** Metrics whose gauges read no runs (they stay 0): a listener beside an orchestrator's own. */
    public ServerMetrics() {
        this(() -> Load.NONE);
    }

    /** Metrics whose gauges read {@code load} at each scrape. */
    ServerMetrics(Supplier<Load> load) {
        gauges = List.of(
                gauge(
                        "fastci_runs_active",
                        "Runs joined whose classes do not all have a result yet (on replicas: those with a node"
                                + " connected to this one).",
                        load,
                        Load::runs),
                gauge(
                        "fastci_nodes_connected",
                        "Connections of this server that are a node of a run (joined and not left).",
                        load,
                        Load::nodes),
                gauge(
                        "fastci_classes_queued",
                        "Classes enqueued in the runs without a result yet: waiting in a queue or running on a node"
                                + " (on replicas: of the runs with a node connected to this one).",
                        load,
                        Load::unfinished));
    }

    /** Registers every metric with {@code registry}; at most once per registry. */
    public void register(PrometheusRegistry registry) {
        for (Collector metric :
                List.of(joins, rejoins, nodesLost, batches, classesDone, duplicates, runsFinished, runsEvicted)) {
            registry.register(metric);
        }
        registry.register(deqsHeld);
        registry.register(deqReply);
        gauges.forEach(registry::register);
    }

    /** A deq's reply was written {@code nanos} after the frame that let the server answer it arrived. */
    void deqAnswered(long nanos) {
        deqReply.observe(nanos / 1e9);
    }

    /** A deq was not answered in the call it arrived in. */
    void deqHeld() {
        deqsHeld.inc();
    }

    @Override
    public void nodeJoined(RunId run, int node, String from) {
        joins.inc();
    }

    @Override
    public void nodeRejoined(RunId run, int node, String from) {
        rejoins.inc();
    }

    @Override
    public void batchHandedOut(RunId run, int node, List<String> keys) {
        if (!keys.isEmpty()) {
            batches.inc();
        }
    }

    @Override
    public void classCompleted(RunId run, Result result) {
        classesDone.inc();
    }

    @Override
    public void duplicateDropped(RunId run, String key) {
        duplicates.inc();
    }

    @Override
    public void nodeLost(RunId run, int node, List<String> requeued) {
        nodesLost.inc();
    }

    @Override
    public void runFinished(RunId run, RunProgress progress) {
        runsFinished.inc();
    }

    @Override
    public void runEvicted(RunId run) {
        runsEvicted.inc();
    }

    /** The counters now. */
    public Snapshot snapshot() {
        return new Snapshot(
                joins.getLongValue(),
                nodesLost.getLongValue(),
                batches.getLongValue(),
                classesDone.getLongValue(),
                duplicates.getLongValue(),
                runsFinished.getLongValue(),
                runsEvicted.getLongValue());
    }

    /**
     * The counters at one moment (each read on its own: they may be a call apart).
     *
     * @param joins nodes that joined a run
     * @param nodesLost nodes that left or were lost (a node that leaves after its last batch counts too)
     * @param batches non-empty batches handed out
     * @param classesDone classes that got their first result
     * @param duplicates second results dropped
     * @param runsFinished runs whose every class has a result
     * @param runsEvicted finished runs forgotten after their grace
     */
    public record Snapshot(
            long joins,
            long nodesLost,
            long batches,
            long classesDone,
            long duplicates,
            long runsFinished,
            long runsEvicted) {
        /** Runs finished and still remembered. */
        public long runsRemembered() {
            return runsFinished - runsEvicted;
        }
    }

    /**
     * What the gauges read of the runs at a scrape.
     *
     * @param runs runs remembered and not finished
     * @param nodes connections that are a node of a run
     * @param unfinished classes enqueued without a result
     */
    record Load(long runs, long nodes, long unfinished) {
        static final Load NONE = new Load(0, 0, 0);
    }

    private static Counter counter(String name, String help) {
        // The client appends _total to a counter's name in the text format.
        return Counter.builder().name(name).help(help).withoutExemplars().build();
    }

    private static GaugeWithCallback gauge(String name, String help, Supplier<Load> load, ToLongFunction<Load> part) {
        return GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .callback(callback -> callback.call(part.applyAsLong(load.get())))
                .build();
    }
}
