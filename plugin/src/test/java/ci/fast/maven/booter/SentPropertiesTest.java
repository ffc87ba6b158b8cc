package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentPropertiesTest {
    private final SentProperties sent = new SentProperties();

    @Test
    void sendsTheFirstThenOnlyChanges() {
        Map<String, String> properties = new HashMap<>(Map.of("java.version", "17", "db", "one"));

        assertTrue(sent.changedTo(properties), "nothing sent yet");
        assertFalse(sent.changedTo(new HashMap<>(properties)), "the same again");

        properties.put("db", "two"); // a test set a property: the caller's map is not the one kept
        assertTrue(sent.changedTo(properties));
        properties.remove("db");
        assertTrue(sent.changedTo(properties), "a property cleared");
        assertFalse(sent.changedTo(Map.copyOf(properties)));
    }
}
