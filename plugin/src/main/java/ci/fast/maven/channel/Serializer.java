package ci.fast.maven.channel;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Phoenix's two JSON serializers. V1 frames are objects {@code {"topic","event","payload","ref"}}; V2 frames are
 * arrays {@code [join_ref, ref, topic, event, payload]}.
 */
public enum Serializer {
    V1 {
        @Override
        public String encode(Frame frame) {
            return Json.PROVIDER
                    .createObjectBuilder()
                    .add("topic", frame.topic())
                    .add("event", frame.event())
                    .add("payload", frame.payload())
                    .add("ref", frame.ref())
                    .build()
                    .toString();
        }
    },
    V2 {
        @Override
        public String encode(Frame frame) {
            return Json.PROVIDER
                    .createArrayBuilder()
                    .add(frame.joinRef())
                    .add(frame.ref())
                    .add(frame.topic())
                    .add(frame.event())
                    .add(frame.payload())
                    .build()
                    .toString();
        }
    };

    /** The frame as this serializer writes it. */
    public abstract String encode(Frame frame);

    /** A decoded frame and the serializer it came in, so that an answer goes back in the same form. */
    public record Decoded(Frame frame, Serializer serializer) {}

    /**
     * Decodes a text frame of either form.
     *
     * @throws FrameException with a readable reason when the text is not a Phoenix frame
     */
    public static Decoded decode(String text) {
        JsonValue value;
        try {
            value = Json.parse(text);
        } catch (JsonException | IllegalStateException e) {
            throw new FrameException("not JSON: " + abbreviate(text));
        }
        if (value instanceof JsonObject o) {
            Frame frame = new Frame(
                    JsonValue.NULL,
                    o.getOrDefault("ref", JsonValue.NULL),
                    string(o.get("topic"), "topic", text),
                    string(o.get("event"), "event", text),
                    payload(o.get("payload"), text));
            return new Decoded(frame, V1);
        }
        if (value instanceof JsonArray a && a.size() == 5) {
            Frame frame = new Frame(
                    a.get(0),
                    a.get(1),
                    string(a.get(2), "topic", text),
                    string(a.get(3), "event", text),
                    payload(a.get(4), text));
            return new Decoded(frame, V2);
        }
        throw new FrameException("neither a V1 object nor a V2 array of 5: " + abbreviate(text));
    }

    private static String string(JsonValue value, String field, String text) {
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new FrameException("frame without a string " + field + ": " + abbreviate(text));
    }

    private static JsonObject payload(JsonValue value, String text) {
        if (value == null || value == JsonValue.NULL) {
            return Json.EMPTY;
        }
        if (value instanceof JsonObject o) {
            return o;
        }
        throw new FrameException("frame whose payload is not an object: " + abbreviate(text));
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
