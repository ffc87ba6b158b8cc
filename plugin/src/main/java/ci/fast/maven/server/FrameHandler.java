package ci.fast.maven.server;

import ci.fast.maven.channel.Frame;
import ci.fast.maven.server.dashboard.Board;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Optional;

/** What the server does with the frames of its connections; the {@link Orchestrator} in production. */
public interface FrameHandler {
    /** A frame arrived from {@code peer}; called on the connection's thread, one frame at a time per peer. */
    void receive(Peer peer, Frame frame);

    /** {@code peer}'s connection closed. */
    void closed(Peer peer);

    /**
     * Registers the handler's metrics with the registry of a server that serves it, once, at that server's start; a
     * handler has none by default.
     */
    default void register(PrometheusRegistry registry) {}

    /** The board a server serves as its dashboard; none by default. */
    default Optional<Board> dashboard() {
        return Optional.empty();
    }
}
