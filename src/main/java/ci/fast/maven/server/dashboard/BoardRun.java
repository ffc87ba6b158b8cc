package ci.fast.maven.server.dashboard;

import ci.fast.maven.server.Result;
import ci.fast.maven.server.RunId;
import ci.fast.maven.server.RunProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run as the board saw it, changed by the board under its lock. A class's start is not on the wire: it is taken as
 * the later of when its batch was handed out and when its node's previous class ended, since a node runs its batch one
 * class after another.
 */
final class BoardRun {
    private final RunId id;
    private final Instant started;
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

    void joined(int node, String from, Instant at) {
        nodes.put(node, new RunView.Node(node, from, at, RunView.NodeState.RUNNING, 0));
    }

    void rejoined(int node, String from, Instant at) {
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
            RunView.Node known = nodes.get(node);
            if (known != null) {
                nodes.put(
                        node, new RunView.Node(node, known.from(), known.joined(), known.state(), known.classes() + 1));
            }
        }
        done.put(result.key(), new RunView.ClassRecord(node, start, at, result));
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
