package ci.fast.maven.orchestration;

import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;

/**
 * One node's session with an orchestrator (PROTOCOL.md section 3): join, enqueue when node 0, wait for
 * {@code deq_request} when told to, then deq / run / send results until the batch comes back empty, and leave.
 *
 * <p>A connection that cannot be made or that drops (network cut, server restart, missed heartbeat) is retried with
 * {@link Backoff}: the node reconnects, joins the topic again and resends the results the server had not answered,
 * which the server keeps unless another node's came first (PROTOCOL.md section 5). The retries of one outage are
 * bounded by the backoff's total; a refusal (key, join, a failed run) is never retried.
 */
public final class NodeSession {
    /** How a session ended without error. */
    public enum Outcome {
        /** The queue drained. */
        DONE,
        /** The run had finished before this node joined: nothing left for it. */
        RUN_FINISHED
    }

    private final ServerAddress address;
    private final String topic;
    private final List<String> classes;
    private final TestSide tests;
    private final Duration connectTimeout;
    private final Duration replyTimeout;
    private final Scheduler scheduler;
    private final Backoff backoff;
    /** The last results sent and not yet answered; empty when none. Only the run's thread touches it. */
    private JsonObject unanswered = Json.EMPTY;
    /** Whether {@link TestSide#joined} was told; a rejoin is not news to the tests' side. */
    private boolean joinedBefore;
    /** Connections lost and made again so far. */
    private int reconnects;

    /**
     * @param classes every test class Maven found, enqueued if this node turns out to be node 0
     * @param replyTimeout bound on the join reply; deq replies are unbounded (the server holds them while others
     *     finish) and the heartbeat bounds them instead
     * @param backoff the waits between reconnects and their bound
     */
    public NodeSession(
            ServerAddress address,
            String topic,
            List<String> classes,
            TestSide tests,
            Duration connectTimeout,
            Duration replyTimeout,
            Scheduler scheduler,
            Backoff backoff) {
        this.address = address;
        this.topic = topic;
        this.classes = List.copyOf(classes);
        this.tests = tests;
        this.connectTimeout = connectTimeout;
        this.replyTimeout = replyTimeout;
        this.scheduler = scheduler;
        this.backoff = backoff;
    }

    /**
     * Runs the node to the end, reconnecting through transient failures.
     *
     * @throws ChannelException with the one line a user sees when the server refuses, fails, or stays out of reach
     *     for the whole backoff
     */
    public Outcome run() throws ChannelException {
        int attempt = 0;
        while (true) {
            Link link = new Link(address, tests);
            try {
                return connectOnce(link);
            } catch (ChannelException e) {
                if (!e.isTransient()) {
                    throw e;
                }
                attempt = link.progressed ? 1 : attempt + 1;
                Duration wait = backoff.next(attempt);
                if (wait == null) {
                    throw new ChannelException("gave up on " + address + " after " + (attempt - 1) + " reconnects in "
                            + backoff.total().toSeconds() + " s: " + e.getMessage());
                }
                try {
                    scheduler.pause(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new ChannelException("interrupted while waiting to reconnect to " + address);
                }
                reconnects++;
            }
        }
    }

    /**
     * Results this node sends with its first deq though it never held their classes: those a dead fork of this
     * machine had not sent (PROTOCOL.md section 3 lets them ride along). Call before {@link #run}.
     */
    public void carry(JsonObject results) {
        unanswered = results;
    }

    /** Connections lost and made again, for the figures of the fault suite. */
    public int reconnects() {
        return reconnects;
    }

    private Outcome connectOnce(Link link) throws ChannelException {
        try (PhoenixClient client = PhoenixClient.connect(address, connectTimeout, scheduler, link)) {
            Frame join = link.await(client.push(topic, Events.JOIN, Json.EMPTY), replyTimeout, "join " + topic);
            if (!Events.STATUS_OK.equals(join.replyStatus())) {
                String reason = Link.reason(join.replyResponse());
                if (Events.REASON_RUN_FINISHED.equals(reason)) {
                    // Any results still unanswered were answered by other nodes' first: the run has them all.
                    return Outcome.RUN_FINISHED;
                }
                throw new ChannelException(address + " refused to join " + topic + ": " + reason);
            }
            JsonObject joined = join.replyResponse();
            int index = Replies.nodeIndex(joined);
            if (!joinedBefore) {
                tests.joined(index);
                joinedBefore = true;
            }
            if (index == 0) {
                enqueue(client, link); // after a server restart too: a second enq adds nothing
            } else if (!Events.STATE_RUNNING.equals(joined.getString("state", ""))) {
                link.await(link.deqRequest, null, "deq_request");
            }
            work(client, link);
            client.push(topic, Events.LEAVE, Json.EMPTY);
            return Outcome.DONE;
        }
    }

    private void enqueue(PhoenixClient client, Link link) {
        // The scanned classes as they are, each with the placeholder test: discovering their tests first would keep
        // every other node waiting (PROTOCOL.md section 3). A class without tests yields no test when it runs.
        JsonObject payload = Payloads.enq(classes);
        // A valid enq gets no reply; an invalid one an error reply, which ends the run.
        client.push(topic, Events.ENQ, payload).thenAccept(reply -> {
            if (!Events.STATUS_OK.equals(reply.replyStatus())) {
                link.fail(address + " rejected the test list: " + Link.reason(reply.replyResponse()), false);
            }
        });
    }

    private void work(PhoenixClient client, Link link) throws ChannelException {
        while (true) {
            // The first deq of a connection carries what the last one left unanswered.
            Frame reply = link.await(client.push(topic, Events.DEQ, unanswered), null, "deq");
            unanswered = Json.EMPTY;
            link.progressed = true;
            if (Events.DEQ_REQUEST.equals(reply.replyResponse().getString("event", ""))) {
                continue; // "not yet, ask again", as the Ruby clients read it; never taken for an empty batch
            }
            List<String> batch = Replies.batch(reply, address);
            if (batch.isEmpty()) {
                return;
            }
            tests.batchReceived(batch);
            unanswered = Payloads.results(batch, tests.run(batch));
        }
    }
}
