package ci.fast.maven.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a node connects: the server's base URL and the connect parameters of PROTOCOL.md section 1. Only
 * {@link #connectUri()} holds the secret; {@link #toString()} shows it as {@code ***}.
 *
 * @param base such as {@code wss://apx.ruby.ci:443}
 * @param params connect parameters other than the secret, in the order they are sent
 */
public record ServerAddress(URI base, Secret secret, Map<String, String> params) {
    /** The socket path, under any base URL. */
    public static final String PATH = "/test_orchestrators/socket/websocket";

    public ServerAddress {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The upgrade URL with the secret, for the connect call only. */
    public URI connectUri() {
        return uri(secret.reveal());
    }

    /** The upgrade URL as users see it. */
    @Override
    public String toString() {
        return uri(Secret.REDACTED).toString().replace(encode(Secret.REDACTED), Secret.REDACTED);
    }

    private URI uri(String key) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("secret_key", key);
        all.putAll(params);
        String query = all.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + PATH + "?" + query);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
