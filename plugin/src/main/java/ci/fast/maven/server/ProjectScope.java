package ci.fast.maven.server;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.server.dashboard.Viewers;

/**
 * Keeps the runs of one project apart from another's on a server of several keys: the topics of a connection's frames
 * are named, inside the server, with the project its key belongs to ({@code test_orchestrator:alpha/junit-42}), and
 * its answers carry the topic as the node sent it. Two projects with the same run key and build id never share a run,
 * a queue or a retried node's share, and the orchestrator knows nothing of projects. The project of a one-key server is
 * {@code ""}, whose topics are the nodes' own.
 *
 * @param project the project of the connection's key, as the keys file names it
 */
record ProjectScope(String project) implements Viewers.Viewer {
    /** The topics that name a project's things: its runs, and its retried nodes' shares. */
    private static final String[] PREFIXES = {Events.TOPIC_PREFIX, Events.SHARE_TOPIC_PREFIX};

    /** {@code frame}, as it came from the node, with its topic in the project. */
    Frame inbound(Frame frame) {
        String inner = inbound(frame.topic());
        return inner.equals(frame.topic()) ? frame : with(frame, inner);
    }

    /** {@code frame}, as the server sends it, with the topic its node knows. */
    Frame outbound(Frame frame) {
        String outer = outbound(frame.topic());
        return outer.equals(frame.topic()) ? frame : with(frame, outer);
    }

    @Override
    public boolean sees(String topic) {
        if (project.isEmpty()) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (topic.startsWith(prefix + project + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String shown(String topic) {
        return outbound(topic);
    }

    @Override
    public String inner(String topic) {
        return inbound(topic);
    }

    private String inbound(String topic) {
        if (project.isEmpty()) {
            return topic;
        }
        for (String prefix : PREFIXES) {
            if (topic.startsWith(prefix)) {
                return prefix + project + "/" + topic.substring(prefix.length());
            }
        }
        return topic;
    }

    private String outbound(String topic) {
        if (project.isEmpty()) {
            return topic;
        }
        for (String prefix : PREFIXES) {
            if (topic.startsWith(prefix + project + "/")) {
                return prefix + topic.substring(prefix.length() + project.length() + 1);
            }
        }
        return topic;
    }

    private static Frame with(Frame frame, String topic) {
        return new Frame(frame.joinRef(), frame.ref(), topic, frame.event(), frame.payload());
    }
}
