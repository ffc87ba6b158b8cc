package ci.fast.maven.server.dashboard;

import ci.fast.maven.server.Result;
import ci.fast.maven.server.RunId;
import ci.fast.maven.server.RunProgress;
import ci.fast.maven.server.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One run as the board saw it, changed by the board under its lock. A class's start is not on the wire: it is taken as
 * the later of when its batch was handed out and when its node's previous class ended, since a node runs its batch one
 * class after another. What the store keeps of the run ({@link #absorb}) adds what this process did not see: the classes
 * another replica's nodes ran, or this process before a restart, and the nodes that are not this process's.
 */
final class BoardRun {
    private final RunId id;
    private Instant started;
    private Instant finished;
    private boolean forgotten;
    private int classes;
    private int duplicates;
    private int reconnects;
    private final Map<Integer, RunView.Node> nodes = new TreeMap<>();
    /** Classes handed out and without a result: key → (node, when). */
    private final Map<String, Handed> handed = new HashMap<>();

    private final Map<Integer, Instant> lastEnd = new HashMap<>();
    private final Map<String, RunView.ClassRecord> done = new LinkedHashMap<>();
    /** The nodes whose connection this process had: its own events tell where they stand, not the store. */
    private final Set<Integer> here = new HashSet<>();
    /** The position of the last result read from the store: the next read starts after it. */
    private long storedPosition;

    private record Handed(int node, Instant at) {}

    BoardRun(RunId id, Instant started) {
        this.id = id;
        this.started = started;
    }

    RunId id() {
        return id;
    }

    boolean finished() {
        return finished != null;
    }

    Instant started() {
        return started;
    }

    void joined(int node, String from, Instant at) {
        here.add(node);
        nodes.put(node, new RunView.Node(node, from, at, RunView.NodeState.RUNNING, 0));
    }

    void rejoined(int node, String from, Instant at) {
        here.add(node);
        reconnects++;
        RunView.Node known = nodes.get(node);
        nodes.put(
                node,
                new RunView.Node(
                        node, from, known == null ? at : known.joined(), RunView.NodeState.RUNNING, classesOf(known)));
    }

    void away(int node) {
        state(node, RunView.NodeState.AWAY);
    }

    void lost(int node, List<String> requeued) {
        state(node, RunView.NodeState.GONE);
        requeued.forEach(handed::remove);
    }

    void handedOut(int node, List<String> keys, Instant at) {
        if (keys.isEmpty()) {
            state(node, RunView.NodeState.DONE);
        }
        for (String key : keys) {
            handed.put(key, new Handed(node, at));
        }
    }

    void completed(Result result, Instant at) {
        Handed where = handed.remove(result.key());
        int node = where == null ? RunView.NO_NODE : where.node();
        Instant start = at;
        if (where != null) {
            Instant previous = lastEnd.getOrDefault(node, where.at());
            start = previous.isAfter(where.at()) ? previous : where.at();
            start = start.isAfter(at) ? at : start;
            lastEnd.put(node, at);
        }
        RunView.ClassRecord known = done.get(result.key());
        if (known != null && known.node() != RunView.NO_NODE) {
            return; // read from the store first, with its node: counted then
        }
        if (node != RunView.NO_NODE) {
            RunView.Node of = nodes.get(node);
            if (of != null) {
                nodes.put(node, new RunView.Node(node, of.from(), of.joined(), of.state(), of.classes() + 1));
            }
        }
        done.put(result.key(), new RunView.ClassRecord(node, start, at, result));
    }

    /** Whether the class of {@code key} has a result whose node this process did not see. */
    boolean unplaced(String key) {
        RunView.ClassRecord record = done.get(key);
        return record != null && record.node() == RunView.NO_NODE;
    }

    long storedPosition() {
        return storedPosition;
    }

    /**
     * Adds what the store keeps of the run and this board did not see: each class with a result it lacks, or has
     * without its node; the nodes not connected here, as the store has them; its end, if the store has it first.
     *
     * @return whether the run shows otherwise than before
     */
    boolean absorb(RunRecord record, Instant now) {
        RunView before = view(now);
        storedPosition = Math.max(storedPosition, record.position());
        classes = Math.max(classes, record.classes());
        duplicates = Math.max(duplicates, record.duplicates());
        if (record.enqueuedMillis() > 0) {
            Instant enqueued = Instant.ofEpochMilli(record.enqueuedMillis());
            started = enqueued.isBefore(started) ? enqueued : started;
        }
        for (RunRecord.Placed placed : record.results()) {
            RunView.ClassRecord known = done.get(placed.result().key());
            if (known == null || (known.node() == RunView.NO_NODE && placed.node() != RunView.NO_NODE)) {
                // A result kept by an earlier version has no time: it shows at the run's start, of no length.
                Instant end = placed.endMillis() > 0 ? Instant.ofEpochMilli(placed.endMillis()) : started;
                Instant start = placed.endMillis() > 0 ? Instant.ofEpochMilli(placed.startMillis()) : started;
                done.put(placed.result().key(), new RunView.ClassRecord(placed.node(), start, end, placed.result()));
                if (placed.node() != RunView.NO_NODE) {
                    counted(placed.node(), start);
                }
            }
        }
        Map<Integer, Boolean> stored = new HashMap<>();
        record.nodes().forEach(node -> stored.put(node.index(), node.away()));
        stored.keySet().forEach(index -> counted(index, started, 0));
        for (RunView.Node node : List.copyOf(nodes.values())) {
            // A node away from here may be connected to another replica now; a store of one process knows no more
            // of the nodes connected here than this board.
            boolean ours =
                    here.contains(node.index()) && (!record.connections() || node.state() != RunView.NodeState.AWAY);
            if (!ours) {
                Boolean away = stored.get(node.index());
                state(
                        node.index(),
                        away == null
                                ? RunView.NodeState.GONE
                                : away ? RunView.NodeState.AWAY : RunView.NodeState.RUNNING);
            }
        }
        if (record.finished() && finished == null) {
            finished = done.values().stream()
                    .map(RunView.ClassRecord::end)
                    .max(Instant::compareTo)
                    .orElse(now);
        }
        return !view(now).equals(before);
    }

    /** Node {@code index} ran one more class (from the store), first seen at {@code at} if it is new here. */
    private void counted(int index, Instant at) {
        counted(index, at, 1);
    }

    private void counted(int index, Instant at, int more) {
        RunView.Node known = nodes.get(index);
        if (known == null) {
            nodes.put(index, new RunView.Node(index, "", at, RunView.NodeState.GONE, more));
        } else if (more > 0) {
            nodes.put(
                    index,
                    new RunView.Node(index, known.from(), known.joined(), known.state(), known.classes() + more));
        }
    }

    void duplicate() {
        duplicates++;
    }

    void progressed(RunProgress progress) {
        classes = Math.max(classes, progress.classes());
    }

    void finished(RunProgress progress, Instant at) {
        progressed(progress);
        finished = at;
    }

    /** The server forgot the run: the next event of its topic is a new run's. */
    void forget() {
        forgotten = true;
    }

    boolean forgotten() {
        return forgotten;
    }

    RunView view(Instant now) {
        return new RunView(
                id.topic(),
                id.runKey(),
                started,
                finished,
                now,
                forgotten,
                List.copyOf(nodes.values()),
                Math.max(classes, done.size()),
                duplicates,
                reconnects,
                new ArrayList<>(done.values()));
    }

    private void state(int node, RunView.NodeState state) {
        RunView.Node known = nodes.get(node);
        if (known != null) {
            nodes.put(node, new RunView.Node(node, known.from(), known.joined(), state, known.classes()));
        }
    }

    private static int classesOf(RunView.Node node) {
        return node == null ? 0 : node.classes();
    }
}
