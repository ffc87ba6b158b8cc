package ci.fast.maven.orchestration;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.Scheduler;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One node's session with an orchestrator (PROTOCOL.md section 3): join, enqueue when node 0, wait for
 * {@code deq_request} when told to, then deq / run / send results until the batch comes back empty, and leave.
 */
public final class NodeSession implements PhoenixClient.Listener {
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
    /** Completes exceptionally when the server ends the run or the connection dies; never completes normally. */
    private final CompletableFuture<Frame> failure = new CompletableFuture<>();
    /** Completes when the server says this waiting node may deq. */
    private final CompletableFuture<Frame> deqRequest = new CompletableFuture<>();

    /**
     * @param classes every test class, enqueued if this node turns out to be node 0
     * @param replyTimeout bound on the join reply; deq replies are unbounded (the server holds them while others
     *     finish) and the heartbeat bounds them instead
     */
    public NodeSession(
            ServerAddress address,
            String topic,
            List<String> classes,
            TestSide tests,
            Duration connectTimeout,
            Duration replyTimeout,
            Scheduler scheduler) {
        this.address = address;
        this.topic = topic;
        this.classes = List.copyOf(classes);
        this.tests = tests;
        this.connectTimeout = connectTimeout;
        this.replyTimeout = replyTimeout;
        this.scheduler = scheduler;
    }

    /**
     * Runs the node to the end.
     *
     * @throws ChannelException with the one line a user sees when the server refuses, fails or goes silent
     */
    public Outcome run() throws ChannelException {
        try (PhoenixClient client = PhoenixClient.connect(address, connectTimeout, scheduler, this)) {
            Frame join = await(client.push(topic, Events.JOIN, Json.EMPTY), replyTimeout, "join " + topic);
            if (!Events.STATUS_OK.equals(join.replyStatus())) {
                String reason = reason(join.replyResponse());
                if ("run finished".equals(reason)) {
                    return Outcome.RUN_FINISHED;
                }
                throw new ChannelException(address + " refused to join " + topic + ": " + reason);
            }
            JsonObject joined = join.replyResponse();
            int index = joined.getInt("node_index", -1);
            tests.joined(index);
            if (index == 0) {
                enqueue(client);
            } else if (!Events.STATE_RUNNING.equals(joined.getString("state", ""))) {
                await(deqRequest, null, "deq_request");
            }
            work(client);
            client.push(topic, Events.LEAVE, Json.EMPTY);
            return Outcome.DONE;
        }
    }

    private void enqueue(PhoenixClient client) {
        JsonObject payload = Payloads.enq(tests.discover(classes));
        // A valid enq gets no reply; an invalid one an error reply, which ends the run.
        client.push(topic, Events.ENQ, payload).thenAccept(reply -> {
            if (!Events.STATUS_OK.equals(reply.replyStatus())) {
                fail(address + " rejected the test list: " + reason(reply.replyResponse()));
            }
        });
    }

    private void work(PhoenixClient client) throws ChannelException {
        JsonObject results = Json.EMPTY;
        while (true) {
            Frame reply = await(client.push(topic, Events.DEQ, results), null, "deq");
            JsonObject response = reply.replyResponse();
            if (!Events.STATUS_OK.equals(reply.replyStatus()) || Events.ERROR.equals(response.getString("event", ""))) {
                throw new ChannelException(address + " failed the run: " + reason(response));
            }
            List<String> batch = batch(response);
            if (batch.isEmpty()) {
                return;
            }
            tests.batchReceived(batch);
            results = Payloads.results(batch, tests.run(batch));
        }
    }

    @Override
    public void pushed(Frame frame) {
        String event = frame.isReply() ? frame.replyResponse().getString("event", "") : frame.event();
        switch (event) {
            case Events.DEQ_REQUEST -> deqRequest.complete(frame);
            case Events.PHX_ERROR -> fail(address + ": the server's channel crashed (phx_error)");
            case Events.PHX_CLOSE -> fail(address + " closed the channel (phx_close)");
            case Events.ERROR ->
                fail(address + " failed the run: " + reason(frame.isReply() ? frame.replyResponse() : frame.payload()));
            default -> {
                // Replies to unknown refs and unknown pushes are ignored by rule.
            }
        }
    }

    @Override
    public void lost(String reason) {
        fail("lost the connection to " + address + ": " + reason);
    }

    private void fail(String message) {
        failure.completeExceptionally(new ChannelException(message));
    }

    /** Waits for {@code target} or the session's failure, whichever comes first. */
    private Frame await(CompletableFuture<Frame> target, Duration timeout, String what) throws ChannelException {
        CompletableFuture<Object> either = CompletableFuture.anyOf(target, failure);
        try {
            return (Frame) (timeout == null ? either.get() : either.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            throw new ChannelException(
                    "no reply to " + what + " from " + address + " within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ChannelException c) {
                throw c;
            }
            throw new ChannelException(address + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelException("interrupted while waiting for " + what);
        }
    }

    private static List<String> batch(JsonObject response) {
        List<String> batch = new ArrayList<>();
        JsonValue tests = response.get("tests");
        if (tests != null && tests.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue key : tests.asJsonArray()) {
                if (key instanceof JsonString s) {
                    batch.add(s.getString());
                }
            }
        }
        return batch;
    }

    private static String reason(JsonObject body) {
        JsonValue reason = body.get("reason");
        if (reason instanceof JsonString s) {
            return s.getString();
        }
        return body.isEmpty() ? "no reason given" : body.toString();
    }
}
