package ci.fast.maven.orchestration;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.PhoenixClient;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What one connection of a {@link NodeSession} hears besides replies: the server's pushes and the connection's end.
 * A session makes a new one for every connection, so that a loss on an old connection never fails a new one.
 */
final class Link implements PhoenixClient.Listener {
    private final ServerAddress address;
    private final TestSide tests;
    /** Completes exceptionally when the server ends the run or the connection dies; never completes normally. */
    private final CompletableFuture<Frame> failure = new CompletableFuture<>();
    /** Completes when the server says this waiting node may deq. */
    final CompletableFuture<Frame> deqRequest = new CompletableFuture<>();
    /** Whether a deq was answered on this connection: a later loss starts a fresh backoff. Run's thread only. */
    boolean progressed;

    Link(ServerAddress address, TestSide tests) {
        this.address = address;
        this.tests = tests;
    }

    @Override
    public void pushed(Frame frame) {
        String event = frame.isReply() ? frame.replyResponse().getString("event", "") : frame.event();
        switch (event) {
            case Events.DEQ_REQUEST -> deqRequest.complete(frame);
            case Events.PHX_ERROR -> fail(address + ": the server's channel crashed (phx_error)", false);
            case Events.PHX_CLOSE -> fail(address + " closed the channel (phx_close)", false);
            case Events.ERROR ->
                fail(
                        address + " failed the run: "
                                + reason(frame.isReply() ? frame.replyResponse() : frame.payload()),
                        false);
            default -> {
                // Replies to unknown refs and unknown pushes are ignored by rule (PROTOCOL.md section 4 lists what
                // ends a node; anything else a newer server sends must not).
            }
        }
    }

    @Override
    public void lost(String reason, boolean transientLoss) {
        fail("lost the connection to " + address + ": " + reason, transientLoss);
    }

    void fail(String message, boolean transientFailure) {
        failure.completeExceptionally(new ChannelException(message, transientFailure));
    }

    /** Waits for {@code target} or the connection's failure, whichever comes first. */
    Frame await(CompletableFuture<Frame> target, Duration timeout, String what) throws ChannelException {
        CompletableFuture<Object> either = CompletableFuture.anyOf(target, failure);
        try {
            return (Frame) (timeout == null ? either.get() : either.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            // A server that accepted the socket and says nothing may be restarting: worth a reconnect.
            throw new ChannelException(
                    "no reply to " + what + " from " + address + " within " + timeout.toSeconds() + " s", true);
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

    static String reason(JsonObject body) {
        JsonValue reason = body.get("reason");
        if (reason instanceof JsonString s) {
            return s.getString();
        }
        return body.isEmpty() ? "no reason given" : body.toString();
    }
}
