package ci.fast.maven.orchestration;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Secret;
import ci.fast.maven.server.FrameHandler;
import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.Peer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A real WebSocket server on loopback whose answers a test scripts: every frame a node sends is recorded, and the
 * script decides what to send back. Lets a test check the exact frames a node sends, in order.
 */
final class ScriptedServer implements FrameHandler, AutoCloseable {
    final Secret secret = Secret.random();
    private final BiConsumer<Peer, Frame> script;
    private final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();
    private final List<Frame> all = new ArrayList<>();
    private final OrchestratorServer server;

    ScriptedServer(BiConsumer<Peer, Frame> script) throws IOException {
        this(script, true);
    }

    /** @param ours whether its upgrade answers say it is our own server; the cloud's do not */
    ScriptedServer(BiConsumer<Peer, Frame> script, boolean ours) throws IOException {
        this.script = script;
        this.server = OrchestratorServer.start("127.0.0.1", 0, secret, this, ours);
    }

    URI base() {
        return server.baseUri();
    }

    @Override
    public void receive(Peer peer, Frame frame) {
        synchronized (all) {
            all.add(frame);
        }
        received.add(frame);
        script.accept(peer, frame);
    }

    @Override
    public void closed(Peer peer) {}

    /** The next frame the node sent; fails the test after 10 s without one. */
    Frame next() throws InterruptedException {
        Frame frame = received.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("the node sent nothing within 10 s");
        }
        return frame;
    }

    /** Every frame the node sent, once its leave has arrived (the node may return before the server reads it). */
    List<Frame> allUntilLeave() throws InterruptedException {
        while (!next().event().equals(Events.LEAVE)) {
            // drain up to the leave
        }
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
