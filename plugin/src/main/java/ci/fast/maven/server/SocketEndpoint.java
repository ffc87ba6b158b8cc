package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.FrameException;
import ci.fast.maven.channel.Serializer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.core.TyrusSession;

/** (Public because Tyrus calls it reflectively.) One connected node: decodes its frames for its {@link FrameHandler} and tells it when the node goes away. */
public final class SocketEndpoint extends Endpoint {
    /** The reason of a close with 1011 after the store failed to keep a frame's unit of work. */
    static final String STORE_FAILED = "the server could not keep this frame's work: reconnect";

    private final FrameHandler handler;
    /** The server's keys and limits (a Phoenix server closes a connection silent for 60 s: PROTOCOL.md section 2). */
    private final ServerGuard guard;

    private final JoinRate joins;
    /** Set in onOpen; null before. */
    private volatile Connection connection;
    /** When the last frame arrived ({@link ServerGuard#clock}), to tell an idle connection's close in the log. */
    private volatile long lastHeard;

    SocketEndpoint(FrameHandler handler, ServerGuard guard) {
        this.handler = handler;
        this.guard = guard;
        this.joins = guard.joinRate();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(guard.limits.maxFrameBytes());
        lastHeard = guard.clock.getAsLong();
        Object remote = session.getUserProperties().get("jakarta.websocket.endpoint.remoteAddress");
        List<String> runKeys = session.getRequestParameterMap().get("run_key");
        String runKey = runKeys == null || runKeys.isEmpty() ? "" : runKeys.get(0);
        List<String> keys = session.getRequestParameterMap().get("secret_key");
        // The upgrade checked the key; looked up again for its project (a keys file reloaded in between may drop it).
        Optional<String> project =
                keys == null || keys.size() != 1 ? Optional.empty() : guard.keys.project(keys.get(0));
        // Tyrus's session knows the peer's address (the standard property is not set behind our own listener).
        String address = remote != null
                ? remote.toString()
                : session instanceof TyrusSession tyrus && tyrus.getRemoteAddr() != null
                        ? tyrus.getRemoteAddr()
                        : session.getId();
        connection = new Connection(session, address, runKey, new ProjectScope(project.orElse("")));
        guard.open.incrementAndGet();
        if (project.isEmpty()) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "the secret key was withdrawn");
            return;
        }
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onText(session, text));
    }

    private void onText(Session session, String text) {
        lastHeard = guard.clock.getAsLong();
        Serializer.Decoded decoded;
        try {
            decoded = Serializer.decode(text);
        } catch (FrameException e) {
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, e.getMessage());
            return;
        }
        Frame frame = decoded.frame();
        // Per connection, not per address: behind a load balancer every node has the balancer's address.
        if (Events.JOIN.equals(frame.event()) && !joins.take()) {
            guard.log.accept("cut the connection from " + connection.describe() + ": more than "
                    + guard.limits.joinsPerMinute() + " joins a minute");
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "too many joins");
            return;
        }
        connection.spoke(decoded.serializer());
        try {
            handler.receive(connection, connection.scope().inbound(frame));
        } catch (StoreFailure e) {
            // Nothing of the frame's unit of work was told to anyone, and no reply is coming: closed, the node's client
            // reconnects and sends it again (to this server once its store is back, or through the balancer to
            // another).
            guard.log.accept("cut the connection from " + connection.describe() + ": its " + frame.event()
                    + " could not be kept: " + e.getMessage());
            close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, STORE_FAILED);
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection == null) {
            return;
        }
        guard.open.decrementAndGet();
        int code = closeReason.getCloseCode().getCode();
        Duration silent = Duration.ofNanos(guard.clock.getAsLong() - lastHeard);
        // Tyrus closes with 1011 "Buffer overflow." for a frame over its incoming buffer (the limit), and with 1009
        // for a message of several frames over the session's text buffer (the limit too).
        if (code == CloseReason.CloseCodes.TOO_BIG.getCode()
                || code == CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode()
                        && String.valueOf(closeReason.getReasonPhrase()).startsWith("Buffer overflow")) {
            guard.log.accept("cut the connection from " + connection.describe() + ": a frame over "
                    + guard.limits.maxFrameBytes() + " bytes");
        } else if (String.valueOf(closeReason.getReasonPhrase()).contains("idle timeout")
                || code == CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode()
                        && silent.compareTo(guard.limits.idleTimeout()) >= 0) {
            // Tyrus's idle timer runs from the session's creation, a moment before onOpen set lastHeard: its own
            // reason says so when the silence measured here falls just short of the timeout. That reason comes with
            // 1006, or with 1000 when the peer's echo of the close frame Tyrus sent is read first.
            guard.log.accept("cut the connection from " + connection.describe() + ": silent for " + silent.toMillis()
                    + " ms (idle timeout " + guard.limits.idleTimeout().toMillis() + " ms)");
        }
        handler.closed(connection);
    }

    /** The address an upgrade came from, for the log. */
    static String remote(HandshakeRequest request) {
        return request instanceof RequestContext context ? context.getRemoteAddr() : "an unknown address";
    }

    @Override
    public void onError(Session session, Throwable error) {
        // onClose follows; the node's classes are requeued there.
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        try {
            // A close reason is at most 123 bytes.
            String shortReason = reason.length() > 100 ? reason.substring(0, 100) : reason;
            session.close(new CloseReason(code, shortReason));
        } catch (IOException e) {
            // already closing
        }
    }
}
