package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ci.fast.maven.channel.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A join's CI node (PROTOCOL.md section 5) is read whole or not at all: a join without one is a join like any other. */
class WireCiNodeTest {
    @Test
    void readsTheFourPartsOfAJoinsCiNode() {
        Map<String, Object> node =
                Map.of("lineage", "junit-42-test", "attempt", "42-2-test", "node", "test/1", "machine", "m-1");

        assertEquals(
                new CiNode("junit-42-test", "42-2-test", "test/1", "m-1"),
                Wire.ciNode(Json.object(Map.of("ci_node", node, "rejoin_token", "t"))));
    }

    @Test
    void aJoinWithoutACompleteCiNodeNamesNone() {
        assertNull(Wire.ciNode(Json.EMPTY), "the cloud's join");
        assertNull(Wire.ciNode(Json.object(Map.of("ci_node", "test/1"))));
        assertNull(Wire.ciNode(Json.object(Map.of("ci_node", Map.of("lineage", "l", "attempt", "a", "node", "")))));
        assertNull(Wire.ciNode(
                Json.object(Map.of("ci_node", Map.of("lineage", "l", "attempt", "a", "node", "n", "machine", 7)))));
    }
}
