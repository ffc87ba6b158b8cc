package ci.fast.maven.channel;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * One Phoenix Channels message, independent of its serializer.
 *
 * @param joinRef the channel's join ref (V2 only; {@link JsonValue#NULL} when absent)
 * @param ref the push's ref, kept as the JSON value it came as so that a reply echoes it exactly;
 *     {@link JsonValue#NULL} on server pushes
 * @param topic never null
 * @param event never null
 * @param payload never null
 */
public record Frame(JsonValue joinRef, JsonValue ref, String topic, String event, JsonObject payload) {

    public Frame {
        joinRef = joinRef == null ? JsonValue.NULL : joinRef;
        ref = ref == null ? JsonValue.NULL : ref;
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(payload, "payload");
    }

    /** A client push with an integer ref, as our nodes send them. */
    public static Frame push(long ref, String topic, String event, JsonObject payload) {
        return new Frame(JsonValue.NULL, Json.number(ref), topic, event, payload);
    }

    /** A {@code phx_reply} to {@code request}, echoing its refs. */
    public static Frame reply(Frame request, String status, JsonObject response) {
        JsonObject payload = Json.PROVIDER
                .createObjectBuilder()
                .add("status", status)
                .add("response", response)
                .build();
        return new Frame(request.joinRef(), request.ref(), request.topic(), Events.REPLY, payload);
    }

    /** A server-initiated push: null ref, the channel's join ref. */
    public static Frame serverPush(JsonValue joinRef, String topic, String event, JsonObject payload) {
        return new Frame(joinRef, JsonValue.NULL, topic, event, payload);
    }

    /** Whether this is a reply. */
    public boolean isReply() {
        return Events.REPLY.equals(event);
    }

    /** A reply's {@code status}, or null when this is no reply or has none. */
    public String replyStatus() {
        JsonValue status = payload.get("status");
        return status instanceof JsonString s ? s.getString() : null;
    }

    /** A reply's {@code response} object, or an empty object. */
    public JsonObject replyResponse() {
        JsonValue response = payload.get("response");
        return response instanceof JsonObject o ? o : Json.EMPTY;
    }

    /** The ref as a string key for matching replies to pushes, or null when there is none. */
    public String refKey() {
        return switch (ref.getValueType()) {
            case NULL -> null;
            case STRING -> ((JsonString) ref).getString();
            default -> ref.toString();
        };
    }
}
