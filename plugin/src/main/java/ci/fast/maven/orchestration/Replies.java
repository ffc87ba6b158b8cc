package ci.fast.maven.orchestration;

import ci.fast.maven.channel.ChannelException;
import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.ServerAddress;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the server's replies strictly: a reply of the wrong shape is an error the user sees, never taken for an
 * empty batch (which would end the node and silently leave its share unrun).
 */
final class Replies {
    private Replies() {}

    /** The batch a deq reply hands out; empty means the node is done. */
    static List<String> batch(Frame reply, ServerAddress address) throws ChannelException {
        JsonObject response = reply.replyResponse();
        if (!Events.STATUS_OK.equals(reply.replyStatus()) || Events.ERROR.equals(response.getString("event", ""))) {
            throw new ChannelException(address + " failed the run: " + Link.reason(response));
        }
        JsonValue tests = response.get("tests");
        if (tests == null || tests.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ChannelException(address + " answered deq without a \"tests\" list: " + abbreviate(response));
        }
        List<String> batch = new ArrayList<>();
        for (JsonValue key : tests.asJsonArray()) {
            if (!(key instanceof JsonString s)) {
                throw new ChannelException(
                        address + " answered deq with a test that is not a string: " + abbreviate(response));
            }
            batch.add(s.getString());
        }
        return batch;
    }

    /** The join reply's node index; -1 when it has none or not a whole number, which makes the node no enqueuer. */
    static int nodeIndex(JsonObject joined) {
        JsonValue index = joined.get("node_index");
        return index instanceof JsonNumber n && n.isIntegral() ? n.intValue() : -1;
    }

    /** The token our server names a node with in its join reply; null when it sent none (the cloud never does). */
    static String token(JsonObject joined) {
        return joined.get(Events.REJOIN_TOKEN) instanceof JsonString s
                        && !s.getString().isEmpty()
                ? s.getString()
                : null;
    }

    private static String abbreviate(JsonObject response) {
        String text = response.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
