package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One run as this server process sees it: the connection state beside the run's {@link RunRules} — which peer is which
 * node, each node's join ref, and the deq frame each waiting node is owed a reply to. Turns frames into the rules'
 * commands and the rules' events into frames.
 *
 * <p>Lock, then deliver: every call takes this dispatch's lock once (it guards the rules too) and returns a
 * {@link Step}, whose frames the caller sends after releasing it, so that a slow peer never holds up the run. One
 * lock per frame: with hundreds of nodes, each further acquisition is one more chance to queue behind another node's
 * deq.
 */
final class RunDispatch {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RunRules rules;
    private final Map<Peer, Integer> nodeOf = new HashMap<>();
    /** The peer of each joined node. */
    private final Map<Integer, Peer> peerOf = new HashMap<>();
    /** Each joined node's join ref, which its server pushes carry (V2). */
    private final Map<Integer, JsonValue> joinRefOf = new HashMap<>();
    /** The deq each waiting node is owed a reply to; a node waits for none when it has no entry. */
    private final Map<Integer, Frame> heldDeq = new HashMap<>();

    RunDispatch(RunRules rules) {
        this.rules = rules;
    }

    RunId id() {
        return rules.id();
    }

    synchronized Step join(Peer peer, Frame join) {
        Integer previous = nodeOf.get(peer);
        String offered = join.payload().get(Events.REJOIN_TOKEN) instanceof JsonString s ? s.getString() : null;
        String fresh = newToken();
        List<RunEvent> events = command(
                () -> rules.join(previous == null ? -1 : previous, offered, fresh, Wire.ciNode(join.payload())));
        RunEvent first = events.get(0);
        if (first instanceof RunEvent.NodeJoined || first instanceof RunEvent.NodeRejoined) {
            boolean rejoined = first instanceof RunEvent.NodeRejoined;
            int node = rejoined ? ((RunEvent.NodeRejoined) first).node() : ((RunEvent.NodeJoined) first).node();
            boolean running =
                    rejoined ? ((RunEvent.NodeRejoined) first).running() : ((RunEvent.NodeJoined) first).running();
            forget(previous);
            // A rejoin may come while the server still has the node's old connection (a partition it has not noticed):
            // that connection is no longer the node's, and its close later changes nothing.
            Peer old = peerOf.get(node);
            if (old != null && !old.equals(peer)) {
                nodeOf.remove(old);
            }
            forget(node);
            nodeOf.put(peer, node);
            peerOf.put(node, peer);
            joinRefOf.put(node, join.joinRef());
            JsonObject response = Json.PROVIDER
                    .createObjectBuilder()
                    .add("event", Events.JOINED)
                    .add("node_index", node)
                    .add("state", running ? Events.STATE_RUNNING : Events.STATE_WAITING)
                    .add(Events.REJOIN_TOKEN, rejoined ? offered : fresh)
                    .build();
            List<Delivery> out = new ArrayList<>();
            out.add(new Delivery(peer, Frame.reply(join, Events.STATUS_OK, response)));
            out.addAll(deliveries(events));
            return new Step(out, events, peer.describe(), rules.committed());
        }
        RunEvent.JoinRefused refused = (RunEvent.JoinRefused) first;
        List<Delivery> out = new ArrayList<>(List.of(error(peer, join, refused.reason())));
        out.addAll(deliveries(events));
        return new Step(out, events, null, rules.committed());
    }

    // The JSON of an enq or a deq is read before the lock is taken: thousands of classes would hold up every node.

    Step enq(Peer peer, Frame enq) {
        String problem = Wire.enqProblem(enq.payload());
        if (problem != null) {
            return new Step(List.of(error(peer, enq, problem)), List.of(), null);
        }
        List<String> classes = Wire.classes(enq.payload());
        synchronized (this) {
            return step(() -> rules.enq(classes));
        }
    }

    Step deq(Peer peer, Frame deq) {
        List<Result> results = Wire.results(deq.payload());
        synchronized (this) {
            Integer node = nodeOf.get(peer);
            if (node == null) {
                return new Step(List.of(), List.of(), null);
            }
            heldDeq.put(node, deq); // before the rules answer it, in this call or a later one
            return step(() -> rules.deq(node, results));
        }
    }

    /** Results from no node, as {@link RunRules#record}. */
    Step record(JsonObject results, List<String> unstarted) {
        List<Result> parsed = Wire.results(results);
        synchronized (this) {
            return step(() -> rules.record(parsed, unstarted));
        }
    }

    /** The peer left its node: what the node held goes back to the queue at once. */
    synchronized Step leave(Peer peer) {
        Integer node = nodeOf.remove(peer);
        if (node == null) {
            return new Step(List.of(), List.of(), null);
        }
        forget(node);
        return step(() -> rules.leave(node));
    }

    /** The peer's connection closed without a leave: its node keeps what it holds for the grace. */
    synchronized Step disconnected(Peer peer) {
        Integer node = nodeOf.remove(peer);
        if (node == null) {
            return new Step(List.of(), List.of(), null);
        }
        forget(node);
        return step(() -> rules.disconnected(node));
    }

    /** Another server process changed the run: this one's waiting nodes are served by what it did. */
    synchronized Step poke() {
        return step(() -> rules.poke());
    }

    /** Whether a node of this process waits for what another may do (a held deq, a join before the enq). */
    synchronized boolean waits() {
        return !heldDeq.isEmpty() || rules.waits();
    }

    /** Gives up on the away nodes whose grace is over. */
    synchronized Step expire() {
        return step(() -> rules.expire());
    }

    /** Nanoseconds until the next away node's grace is over; -1 when none is away. */
    synchronized long nextExpiry() {
        return rules.nextExpiry();
    }

    synchronized boolean finished() {
        return rules.finished();
    }

    synchronized List<String> unfinished() {
        return rules.unfinished();
    }

    synchronized List<String> skippedAfterFailures() {
        return rules.skippedAfterFailures();
    }

    synchronized List<String> lostTwice() {
        return rules.lostTwice();
    }

    /** Keeps what {@link RunRules#addReports} keeps, on the store's disk before it returns (outside the lock). */
    int addReports(List<Report> reports) {
        int kept;
        Durable unit;
        synchronized (this) {
            try {
                kept = rules.addReports(reports);
            } catch (StoreFailure e) {
                rules.abort();
                throw e;
            }
            unit = rules.committed();
        }
        unit.await();
        return kept;
    }

    /** The run's reports, with whether it finished and every class it enqueued, under one lock. */
    synchronized ReportArchive.Archived reports() {
        return new ReportArchive.Archived(rules.finished(), rules.classes(), rules.reports());
    }

    synchronized boolean hasResult(String key) {
        return rules.hasResult(key);
    }

    synchronized RunProgress progress() {
        return rules.progress();
    }

    /** What the metrics' gauges read of this run, under one lock. */
    synchronized ServerMetrics.Load load() {
        RunProgress progress = rules.progress();
        return new ServerMetrics.Load(rules.finished() ? 0 : 1, nodeOf.size(), progress.classes() - progress.done());
    }

    /**
     * What one call did, taken under the lock.
     *
     * @param deliveries the frames to send, once the lock is released
     * @param events what the rules did, for the listeners
     * @param joinedFrom the joining peer's description when the call was a join that succeeded; null otherwise
     * @param durable the call's unit of work on its way to the store's disk: awaited before anything is sent
     */
    record Step(List<Delivery> deliveries, List<RunEvent> events, String joinedFrom, Durable durable) {
        /** What a call that changed nothing did. */
        Step(List<Delivery> deliveries, List<RunEvent> events, String joinedFrom) {
            this(deliveries, events, joinedFrom, Durable.NOW);
        }
    }

    private Step step(Supplier<List<RunEvent>> command) {
        List<RunEvent> events = command(command);
        return new Step(deliveries(events), events, null, rules.committed());
    }

    /**
     * Runs a command of the rules. A store that fails in its middle has the command's unit of work undone (the rules
     * start the next one from what the store holds, and a shared store's run lock is given up), and the failure goes
     * on: the connection is closed with 1011 and nothing of the command is told to anyone.
     */
    private List<RunEvent> command(Supplier<List<RunEvent>> command) {
        try {
            return command.get();
        } catch (StoreFailure e) {
            rules.abort();
            throw e;
        }
    }

    /** The frames the events owe peers of this process: deq_request pushes and the replies to waiting deqs. */
    private List<Delivery> deliveries(List<RunEvent> events) {
        List<Delivery> out = new ArrayList<>();
        for (RunEvent event : events) {
            if (event instanceof RunEvent.DeqRequested requested) {
                Peer peer = peerOf.get(requested.node());
                if (peer != null) {
                    Frame push = Frame.serverPush(
                            joinRefOf.get(requested.node()), id().topic(), Events.DEQ_REQUEST, Json.EMPTY);
                    out.add(new Delivery(peer, push));
                }
            } else if (event instanceof RunEvent.BatchHandedOut batch) {
                Frame deq = heldDeq.remove(batch.node());
                Peer peer = peerOf.get(batch.node());
                if (deq != null && peer != null) {
                    out.add(new Delivery(peer, batchReply(deq, batch.keys())));
                }
            }
        }
        return out;
    }

    private void forget(Integer node) {
        if (node != null) {
            peerOf.remove(node);
            joinRefOf.remove(node);
            heldDeq.remove(node);
        }
    }

    /** A token no one can guess: it lets a node take over the classes another holds. */
    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Frame batchReply(Frame deq, List<String> keys) {
        JsonArrayBuilder tests = Json.PROVIDER.createArrayBuilder();
        keys.forEach(tests::add);
        JsonObject response = Json.PROVIDER
                .createObjectBuilder()
                .add("event", Events.DEQ)
                .add("tests", tests)
                .build();
        return Frame.reply(deq, Events.STATUS_OK, response);
    }

    private static Delivery error(Peer peer, Frame request, String reason) {
        JsonObject response =
                Json.PROVIDER.createObjectBuilder().add("reason", reason).build();
        return new Delivery(peer, Frame.reply(request, Events.STATUS_ERROR, response));
    }
}
