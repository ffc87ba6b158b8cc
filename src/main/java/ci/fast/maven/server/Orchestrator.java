package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Routes each frame a peer sends to the socket's heartbeat or to the run of its topic, and answers what Phoenix
 * would answer for everything else. Thread-safe: runs lock themselves.
 */
public final class Orchestrator implements FrameHandler {
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** The topics each peer has joined. */
    private final Map<Peer, Set<String>> joined = new ConcurrentHashMap<>();

    private final Consumer<String> log;

    private final Timings timings;

    /** An orchestrator with no timing history of its own. */
    public Orchestrator(Consumer<String> log) {
        this(log, Timings.of(Map.of()));
    }

    /**
     * @param log receives one line per join, finished run and lost node
     * @param timings the history runs are ordered and batched by; each result adds to it, and it is saved whenever a
     *     run finishes
     */
    public Orchestrator(Consumer<String> log, Timings timings) {
        this.log = log;
        this.timings = timings;
    }

    @Override
    public void receive(Peer peer, Frame frame) {
        deliver(route(peer, frame));
    }

    /** A peer's connection closed: it leaves every run it had joined. */
    @Override
    public void closed(Peer peer) {
        Set<String> topics = joined.remove(peer);
        if (topics == null) {
            return;
        }
        for (String topic : topics) {
            deliver(logged(runs.get(topic).leave(peer)));
        }
    }

    /**
     * Records results that come from no node: in local mode, those a dead fork had not sent, recorded as soon as the
     * fork is known dead, so that the class that killed it is not handed to another fork; the classes of its batch it
     * never started are not counted as lost (a class lost twice is recorded failed).
     */
    public void record(String topic, JsonObject results, List<String> unstarted) {
        Run run = runs.get(topic);
        if (run != null) {
            deliver(logged(run.record(results, unstarted)));
        }
    }

    /** The classes of {@code topic} enqueued and without a result; empty for an unknown topic. */
    public List<String> unfinished(String topic) {
        Run run = runs.get(topic);
        return run == null ? List.of() : run.unfinished();
    }

    /** Classes of {@code topic} recorded failed because two nodes were lost running them. */
    public List<String> lostTwice(String topic) {
        Run run = runs.get(topic);
        return run == null ? List.of() : run.lostTwice();
    }

    /** Results of {@code topic} dropped because the class had one already (first wins); 0 for an unknown topic. */
    public int duplicates(String topic) {
        Run run = runs.get(topic);
        return run == null ? 0 : run.progress().duplicates();
    }

    private List<Delivery> route(Peer peer, Frame frame) {
        String topic = frame.topic();
        if (Events.PHOENIX_TOPIC.equals(topic) && Events.HEARTBEAT.equals(frame.event())) {
            return List.of(new Delivery(peer, Frame.reply(frame, Events.STATUS_OK, Json.EMPTY)));
        }
        if (Events.JOIN.equals(frame.event())) {
            return join(peer, frame);
        }
        Set<String> topics = joined.get(peer);
        if (topics == null || !topics.contains(topic)) {
            return List.of(error(peer, frame, "unmatched topic"));
        }
        Run run = runs.get(topic);
        return switch (frame.event()) {
            case Events.ENQ -> logged(run.enq(peer, frame));
            case Events.DEQ -> logged(run.deq(peer, frame));
            case Events.LEAVE -> {
                topics.remove(topic);
                // A leave can finish the run: its classes lost a second time are recorded as failed.
                yield logged(run.leave(peer));
            }
            case Events.PHX_LEAVE -> {
                topics.remove(topic);
                List<Delivery> out = new ArrayList<>(logged(run.leave(peer)));
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
        Run run = runs.computeIfAbsent(topic, t -> new Run(t, timings));
        List<Delivery> out = logged(run.join(peer, frame));
        if (Events.STATUS_OK.equals(out.get(0).frame().replyStatus())) {
            joined.computeIfAbsent(peer, p -> ConcurrentHashMap.newKeySet()).add(topic);
            JsonObject response = out.get(0).frame().replyResponse();
            log.accept("node " + response.getInt("node_index") + " joined " + topic + " from " + peer.describe());
        }
        return out;
    }

    /**
     * Logs what {@code step} did before its frames are sent: dropped duplicates, each tenth of the classes done, and
     * the run's end (once; a results deq, a leave or a close may end it).
     */
    private List<Delivery> logged(Run.Step step) {
        Run.Progress p = step.progress();
        for (String key : step.duplicateKeys()) {
            log.accept("run " + p.topic() + ": a second result for " + key + " dropped");
        }
        if (step.progressed()) {
            log.accept("run " + p.topic() + ": " + p.done() + " of " + p.classes() + " classes done, " + p.nodes()
                    + (p.nodes() == 1 ? " node" : " nodes"));
        }
        if (step.finishedNow()) {
            log.accept("run " + p.topic() + " finished: " + p.classes() + " classes, " + p.duplicates()
                    + " duplicate results");
            try {
                timings.save();
            } catch (IOException e) {
                log.accept("cannot save the timings of " + p.topic() + ": " + e.getMessage());
            }
        }
        return step.deliveries();
    }

    private static Delivery error(Peer peer, Frame request, String reason) {
        JsonObject response =
                Json.PROVIDER.createObjectBuilder().add("reason", reason).build();
        return new Delivery(peer, Frame.reply(request, Events.STATUS_ERROR, response));
    }

    private static void deliver(List<Delivery> deliveries) {
        deliveries.forEach(Delivery::send);
    }
}
