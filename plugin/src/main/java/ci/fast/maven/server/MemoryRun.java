package ci.fast.maven.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * One run's facts in memory, for {@link MemoryStore}. Only names and {@link Result}s are kept, never the JSON a node
 * sent: a standing server holds thousands of classes per run, and what it keeps alive is what its garbage collector
 * copies while nodes wait for replies.
 */
final class MemoryRun implements StoredRun {
    private final RunId id;
    private int nextNode;
    /** The node each token this run gave names. */
    private final Map<String, Integer> named = new HashMap<>();
    /** Every class enqueued, in the enq's order; empty until the enq. */
    private List<String> classes = List.of();
    /** Each enqueued class's estimated seconds; null before the enq. Its keys are the enqueued classes. */
    private Map<String, Double> estimates;

    private long enqueuedAt;
    /** The classes waiting for a node; empty until the enq. */
    private WorkQueue queue = new WorkQueue(Map.of());
    /** The classes each node holds without a result, by node index; a node holding nothing may have no entry. */
    private final Map<Integer, Set<String>> held = new HashMap<>();
    /** How many nodes hold each class held (one, as the rules hand a class out), by class. */
    private final Map<String, Integer> holds = new HashMap<>();

    private final Map<String, Result> results = new HashMap<>();
    private double doneSeconds;
    private int duplicates;
    private final Map<String, Integer> losses = new HashMap<>();
    private final Set<String> lostTwice = new LinkedHashSet<>();
    /** Each class's report, in the order they came; the XML is what a node wrote, kept until the run is forgotten. */
    private final Map<String, Report> reports = new LinkedHashMap<>();

    MemoryRun(RunId id) {
        this.id = id;
    }

    @Override
    public RunId id() {
        return id;
    }

    @Override
    public int nextNodeIndex() {
        return nextNode++;
    }

    @Override
    public void nameNode(String token, int node) {
        named.put(token, node);
    }

    @Override
    public int nodeNamed(String token) {
        return named.getOrDefault(token, -1);
    }

    @Override
    public boolean enqueue(List<String> classes, Map<String, Double> estimates, long at) {
        if (this.estimates != null) {
            return false;
        }
        this.classes = List.copyOf(classes);
        this.estimates = new HashMap<>(estimates);
        this.enqueuedAt = at;
        queue = new WorkQueue(this.estimates);
        return true;
    }

    @Override
    public boolean hasQueue() {
        return estimates != null;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public boolean isEnqueued(String key) {
        return estimates != null && estimates.containsKey(key);
    }

    @Override
    public double estimate(String key) {
        return queue.estimate(key);
    }

    @Override
    public long enqueuedAt() {
        return enqueuedAt;
    }

    @Override
    public void queueFirst(String key) {
        queue.addFirst(key);
    }

    @Override
    public void queueLast(String key) {
        queue.addLast(key);
    }

    @Override
    public void unqueue(String key) {
        queue.remove(key);
    }

    /** As the interface says; also how a store that writes each change skips a change that is none. */
    @Override
    public boolean isQueued(String key) {
        return queue.contains(key);
    }

    @Override
    public boolean queueEmpty() {
        return queue.isEmpty();
    }

    @Override
    public double queuedSeconds() {
        return queue.seconds();
    }

    @Override
    public List<String> take(double shareSeconds) {
        return queue.take(shareSeconds);
    }

    @Override
    public List<String> take(double shareSeconds, ToIntFunction<String> rank) {
        return queue.take(shareSeconds, rank);
    }

    @Override
    public void hold(int node, List<String> keys) {
        Set<String> holding = held.computeIfAbsent(node, n -> new LinkedHashSet<>());
        for (String key : keys) {
            if (holding.add(key)) {
                holds.merge(key, 1, Integer::sum);
            }
        }
    }

    /** Whether a node holds {@code key} (with a result or not): how a store that writes less tells what is left. */
    boolean isHeld(String key) {
        return holds.containsKey(key);
    }

    /** Whether node {@code node} holds {@code key}, with a result or not. */
    boolean isHeld(int node, String key) {
        Set<String> keys = held.get(node);
        return keys != null && keys.contains(key);
    }

    @Override
    public List<String> held(int node) {
        Set<String> keys = held.get(node);
        return keys == null ? List.of() : List.copyOf(keys);
    }

    @Override
    public void release(int node, String key) {
        Set<String> keys = held.get(node);
        if (keys != null && keys.remove(key)) {
            unheld(key);
        }
    }

    @Override
    public List<String> releaseAll(int node) {
        Set<String> keys = held.remove(node);
        if (keys == null) {
            return List.of();
        }
        keys.forEach(this::unheld);
        return new ArrayList<>(keys);
    }

    private void unheld(String key) {
        holds.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
    }

    @Override
    public boolean addResult(Result result) {
        if (results.putIfAbsent(result.key(), result) != null) {
            duplicates++;
            return false;
        }
        doneSeconds += estimates == null ? 0 : estimates.getOrDefault(result.key(), 0.0);
        return true;
    }

    @Override
    public boolean hasResult(String key) {
        return results.containsKey(key);
    }

    @Override
    public Optional<Result> result(String key) {
        return Optional.ofNullable(results.get(key));
    }

    @Override
    public int resultCount() {
        return results.size();
    }

    @Override
    public double doneSeconds() {
        return doneSeconds;
    }

    @Override
    public int duplicates() {
        return duplicates;
    }

    @Override
    public int addLoss(String key, int delta) {
        return losses.merge(key, delta, Integer::sum);
    }

    @Override
    public void addLostTwice(String key) {
        lostTwice.add(key);
    }

    @Override
    public List<String> lostTwice() {
        return List.copyOf(lostTwice);
    }

    @Override
    public boolean addReport(Report report) {
        // By class and file: a class may make several reports (one per container, at an older Surefire's).
        return reports.putIfAbsent(report.key() + '\0' + report.file(), report) == null;
    }

    @Override
    public List<Report> reports() {
        return List.copyOf(reports.values());
    }

    @Override
    public List<Integer> holders() {
        return held.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(key -> !results.containsKey(key)))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Sets the counters a store read back: the next node index and the duplicates counted. */
    void restoreCounters(int nextNode, int duplicates) {
        this.nextNode = nextNode;
        this.duplicates = duplicates;
    }
}
