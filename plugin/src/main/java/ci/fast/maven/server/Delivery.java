package ci.fast.maven.server;

import ci.fast.maven.channel.Frame;

/** A frame a run decided to send, sent by the caller once the run's lock is released. */
public record Delivery(Peer to, Frame frame) {
    /** Sends it. */
    public void send() {
        to.send(frame);
    }
}
