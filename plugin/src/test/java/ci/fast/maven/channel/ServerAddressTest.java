package ci.fast.maven.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerAddressTest {
    private static final String KEY = "k3y+/=&x";
    private static final String AUTHOR = "{\"name\":\"Ann Lee\",\"email\":\"ann@example.com\"}";

    @Test
    void connectsToTheOrchestratorSocketPathOnTheBaseUrl() {
        URI uri = address("ws://127.0.0.1:4000").connectUri();

        assertEquals("ws", uri.getScheme());
        assertEquals("127.0.0.1", uri.getHost());
        assertEquals(4000, uri.getPort());
        assertEquals("/test_orchestrators/socket/websocket", uri.getPath());
    }

    @Test
    void addsNoSecondSlashAfterABaseUrlThatEndsInOne() {
        URI uri = address("wss://apx.ruby.ci:443/").connectUri();

        assertTrue(
                uri.toString().startsWith("wss://apx.ruby.ci:443/test_orchestrators/socket/websocket?"), uri::toString);
    }

    @Test
    void sendsTheSecretFirstThenTheParametersInTheirOrderUrlEncoded() {
        URI uri = address("ws://127.0.0.1:4000").connectUri();

        assertEquals(
                "secret_key=k3y%2B%2F%3D%26x&build_id=b+1&run_key=junit&commit=abc123"
                        + "&branch=feature%2F%C3%BCber&commit_msg=fix%3A+a%26b%3Dc%3F"
                        + "&author=%7B%22name%22%3A%22Ann+Lee%22%2C%22email%22%3A%22ann%40example.com%22%7D",
                uri.getRawQuery());
    }

    @Test
    void queryDecodesBackToTheSecretAndTheParameters() {
        URI uri = address("ws://127.0.0.1:4000").connectUri();

        List<List<String>> pairs = Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> Arrays.stream(pair.split("=", 2))
                        .map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8))
                        .toList())
                .toList();
        assertEquals(
                List.of(
                        List.of("secret_key", KEY),
                        List.of("build_id", "b 1"),
                        List.of("run_key", "junit"),
                        List.of("commit", "abc123"),
                        List.of("branch", "feature/über"),
                        List.of("commit_msg", "fix: a&b=c?"),
                        List.of("author", AUTHOR)),
                pairs);
    }

    @Test
    void showsTheSecretAsStarsAndNeverTheKey() {
        String shown = address("ws://127.0.0.1:4000").toString();

        assertTrue(
                shown.startsWith("ws://127.0.0.1:4000/test_orchestrators/socket/websocket?secret_key=***&build_id=b+1"),
                shown);
        assertFalse(shown.contains("k3y"), shown);
    }

    @Test
    void keepsTheParametersAsTheyWereWhenTheCallersMapChangesLater() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", "1");
        ServerAddress address = new ServerAddress(URI.create("ws://127.0.0.1:4000"), Secret.of(KEY), params);

        params.put("run_key", "junit");

        assertEquals(Map.of("build_id", "1"), address.params());
        assertFalse(address.connectUri().getRawQuery().contains("run_key"));
    }

    private static ServerAddress address(String base) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("build_id", "b 1");
        params.put("run_key", "junit");
        params.put("commit", "abc123");
        params.put("branch", "feature/über");
        params.put("commit_msg", "fix: a&b=c?");
        params.put("author", AUTHOR);
        return new ServerAddress(URI.create(base), Secret.of(KEY), params);
    }
}
