package ci.fast.maven.server;

import ci.fast.maven.channel.FrameException;
import ci.fast.maven.channel.Serializer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;

/** (Public because Tyrus calls it reflectively.) One connected node: decodes its frames for its {@link FrameHandler} and tells it when the node goes away. */
public final class SocketEndpoint extends Endpoint {
    /**
     * A Phoenix server closes a connection silent for this long (PROTOCOL.md section 2). The server's container applies
     * it to every session from its creation.
     */
    static final long IDLE_TIMEOUT_MILLIS = 60_000;

    private final FrameHandler handler;
    /** Set in onOpen; null before. */
    private volatile Connection connection;

    SocketEndpoint(FrameHandler handler) {
        this.handler = handler;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(OrchestratorServer.MAX_FRAME_BYTES);
        Object remote = session.getUserProperties().get("jakarta.websocket.endpoint.remoteAddress");
        List<String> runKeys = session.getRequestParameterMap().get("run_key");
        String runKey = runKeys == null || runKeys.isEmpty() ? "" : runKeys.get(0);
        connection = new Connection(session, remote == null ? session.getId() : remote.toString(), runKey);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onText(session, text));
    }

    private void onText(Session session, String text) {
        Serializer.Decoded decoded;
        try {
            decoded = Serializer.decode(text);
        } catch (FrameException e) {
            close(session, CloseReason.CloseCodes.PROTOCOL_ERROR, e.getMessage());
            return;
        }
        connection.spoke(decoded.serializer());
        handler.receive(connection, decoded.frame());
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            handler.closed(connection);
        }
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
