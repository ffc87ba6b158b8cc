package ci.fast.maven.orchestration;

import ci.fast.maven.booter.StartupTrace;
import ci.fast.maven.channel.Backoff;
import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One node's session with an orchestrator (PROTOCOL.md section 3): join, enqueue when node 0, wait for
 * {@code deq_request} when told to, then deq / run / send results until the batch comes back empty, and leave.
 *
 * <p>A connection that cannot be made or that drops (network cut, server restart, missed heartbeat) is retried with
 * {@link Backoff}: the node reconnects, joins the topic again and resends the results the server had not answered,
 * which the server keeps unless another node's came first (PROTOCOL.md section 5). When the server named this node
 * with a token in its join reply (ours does, the cloud does not), the rejoin sends it back, and the node carries on
 * as itself with its index and its batch. The retries of one outage are bounded by the backoff's total; a refusal
 * (key, join, a failed run) is never retried. Each outage is one line on the console once the node is back (what was
 * lost, how long the reconnect took, how many results were resent), or one line when it gives up.
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
    /** The token our server named this node with; null until a join reply carries one (the cloud's never does). */
    private String token;
    /** Which CI node this machine is, for our server's join (PROTOCOL.md section 5); null when unknown. */
    private JsonObject ciNode;
    /** The outage being reconnected through; null while connected. Only the run's thread touches it. */
    private Outage outage;

    private Consumer<String> console = line -> {};
    private LongSupplier clock = System::nanoTime;

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
                if (outage == null || link.progressed) {
                    outage = new Outage(e.getMessage(), clock.getAsLong(), reconnects);
                }
                Duration wait = backoff.next(attempt);
                if (wait == null) {
                    String line = "gave up on " + address + " after " + (attempt - 1) + " reconnects in "
                            + backoff.total().toSeconds() + " s: " + e.getMessage();
                    console.accept("fast-ci: " + line);
                    throw new ChannelException(line);
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

    /**
     * Joins as the node our server named with {@code token}, the node of a fork of this machine that died before it
     * started any class of its batch: the server knows this one as that node, which keeps its index and its batch,
     * and hands this one the batch's classes (its first deq has no result for them), instead of waiting out the dead
     * node's reconnect grace. Call before {@link #run}; null or empty for a node of its own.
     */
    public void takeOver(String token) {
        this.token = token == null || token.isEmpty() ? null : token;
    }

    /**
     * Which CI node this machine is ({@link Events#CI_NODE}), sent in every join to a server that says it is ours, never
     * to the cloud, so that a retry of this CI job can rerun what it ran. Call before {@link #run}.
     */
    public void ciNode(JsonObject node) {
        this.ciNode = node;
    }

    /**
     * Where the one line per outage goes: the fork's console, which reaches the Maven build's log. Call before
     * {@link #run}.
     */
    public void console(Consumer<String> console) {
        this.console = console;
    }

    /** The clock outages are timed by, nanoseconds as {@link System#nanoTime}. Call before {@link #run}. */
    public void clock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Connections lost and made again, for the figures of the fault suite. */
    public int reconnects() {
        return reconnects;
    }

    private Outcome connectOnce(Link link) throws ChannelException {
        try (PhoenixClient client = PhoenixClient.connect(address, connectTimeout, scheduler, link)) {
            StartupTrace.mark("fork.connected");
            JsonObject params = joinPayload(client.ours());
            Frame join = link.await(client.push(topic, Events.JOIN, params), replyTimeout, "join " + topic);
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
            String named = Replies.token(joined);
            if (outage != null) {
                console.accept(outage.line(
                        address,
                        clock.getAsLong(),
                        reconnects,
                        unanswered.size(),
                        token != null && token.equals(named),
                        index));
                outage = null;
                tests.reconnected();
            }
            if (named != null) {
                if (!named.equals(token)) {
                    tests.named(named);
                }
                token = named;
            }
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

    /**
     * The join's payload: {@code {}} as PROTOCOL.md section 3 says, with the token our server named this node with
     * when it rejoins, and its CI node when the server said it is ours.
     */
    private JsonObject joinPayload(boolean ours) {
        JsonObjectBuilder payload = Json.PROVIDER.createObjectBuilder();
        if (token != null) {
            payload.add(Events.REJOIN_TOKEN, token);
        }
        if (ours && ciNode != null) {
            payload.add(Events.CI_NODE, ciNode);
        }
        return payload.build();
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
            unanswered = Payloads.results(batch, tests.run(batch), client.ours());
        }
    }

    /**
     * One outage: why the connection went, and since when.
     *
     * @param reason the first failure's line
     * @param since when it was noticed, on the session's clock
     * @param reconnectsBefore the session's reconnects before it
     */
    private record Outage(String reason, long since, int reconnectsBefore) {
        /** The one console line of an outage that is over. */
        String line(ServerAddress address, long now, int reconnects, int resent, boolean same, int index) {
            return String.format(
                    Locale.ROOT,
                    "fast-ci: connection to %s lost (%s); back after %.1f s and %d %s as %s node %d, %d %s resent",
                    address.base(),
                    reason.startsWith("lost the connection to ") ? reason.substring(reason.indexOf(": ") + 2) : reason,
                    (now - since) / 1e9,
                    reconnects - reconnectsBefore,
                    reconnects - reconnectsBefore == 1 ? "try" : "tries",
                    same ? "the same" : "a new",
                    index,
                    resent,
                    resent == 1 ? "result" : "results");
        }
    }
}
