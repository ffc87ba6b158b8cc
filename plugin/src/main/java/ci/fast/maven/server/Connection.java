package ci.fast.maven.server;

import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Serializer;
import jakarta.websocket.Session;
import java.io.IOException;

/** A node's WebSocket connection to the server, answering in the serializer the node last spoke. */
final class Connection implements Peer {
    private final Session session;
    private final String remote;
    /** The run_key connect parameter; empty when the node sent none. */
    private final String runKey;
    /** The project of the connection's key: its frames' topics in the server are the project's. */
    private final ProjectScope scope;
    /** The serializer of the last frame received; V1 until a frame says otherwise. Guarded by {@code this}. */
    private Serializer serializer = Serializer.V1;

    Connection(Session session, String remote, String runKey, ProjectScope scope) {
        this.session = session;
        this.remote = remote;
        this.runKey = runKey;
        this.scope = scope;
    }

    ProjectScope scope() {
        return scope;
    }

    synchronized void spoke(Serializer serializer) {
        this.serializer = serializer;
    }

    @Override
    public synchronized void send(Frame frame) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.getBasicRemote().sendText(serializer.encode(scope.outbound(frame)));
        } catch (IOException | IllegalStateException e) {
            // The close that follows makes the node leave its runs; nothing to do here.
        }
    }

    @Override
    public String describe() {
        return remote;
    }

    @Override
    public String runKey() {
        return runKey;
    }
}
