package ci.fast.maven.channel;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Map;

/**
 * The one JSON provider of the plugin. It is created directly rather than through
 * {@link JsonProvider#provider()}, whose service lookup follows the thread's context class loader: in a fork
 * that is the tests' loader, which may hold another Parsson or none.
 */
public final class Json {
    /** Thread-safe per Parsson's contract. */
    public static final JsonProvider PROVIDER = new org.eclipse.parsson.JsonProviderImpl();

    public static final JsonObject EMPTY = PROVIDER.createObjectBuilder().build();

    private Json() {}

    /**
     * Parses one JSON text of any kind; throws {@link jakarta.json.JsonException} when it is not JSON, including when
     * text follows the value (a reader would stop after the value and accept {@code {}garbage}).
     */
    public static JsonValue parse(String text) {
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new JsonException("empty text");
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new JsonException("text after the JSON value");
            }
            return value;
        }
    }

    /** A JSON object from plain Java maps, lists, strings, numbers, booleans and nulls. */
    public static JsonObject object(Map<String, ?> map) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) map;
        return PROVIDER.createObjectBuilder(values).build();
    }

    /** A JSON string value. */
    public static JsonValue string(String value) {
        return PROVIDER.createValue(value);
    }

    /** A JSON integer value. */
    public static JsonValue number(long value) {
        return PROVIDER.createValue(value);
    }
}
