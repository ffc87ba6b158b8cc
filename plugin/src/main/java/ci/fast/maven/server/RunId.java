package ci.fast.maven.server;

/**
 * Which run an event belongs to: its topic, and the run key its nodes connected with (the suite within a build, such
 * as {@code junit}), which timing history is kept by. The server never parses either out of the topic (PROTOCOL.md
 * section 5); the run key is the first joiner's connect parameter, empty when it sent none.
 */
public record RunId(String topic, String runKey) {
    public RunId {
        if (topic == null || runKey == null) {
            throw new IllegalArgumentException("a run needs a topic and a run key (empty for none)");
        }
    }
}
