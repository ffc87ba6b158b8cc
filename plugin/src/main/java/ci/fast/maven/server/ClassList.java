package ci.fast.maven.server;

import ci.fast.maven.channel.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.util.List;

/** A list of class names as one JSON text, for a store's column: {@code ["com.acme.A","com.acme.B"]}. */
final class ClassList {
    private ClassList() {}

    static String encode(List<String> classes) {
        JsonArrayBuilder array = Json.PROVIDER.createArrayBuilder();
        classes.forEach(array::add);
        return array.build().toString();
    }

    static List<String> decode(String text) {
        return Json.parse(text).asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
