package ci.fast.maven.server;

import ci.fast.maven.channel.Frame;

/** One connected node as the orchestrator sees it: something frames can be sent to. */
public interface Peer {
    /** Sends a frame; a peer whose connection is gone drops it silently (its loss is handled on close). */
    void send(Frame frame);

    /** A short description for logs, such as the remote address. */
    String describe();

    /**
     * The {@code run_key} connect parameter (PROTOCOL.md section 1): the suite within the build, which the timing
     * history is kept by; empty when the node sent none.
     */
    default String runKey() {
        return "";
    }
}
