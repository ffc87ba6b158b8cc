package ci.fast.maven.channel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The WebSocket opening handshake (RFC 6455 section 4). The client's half: the upgrade request, and the checks on the
 * server's answer, whose headers stay readable ({@link Events#SERVER_HEADER} among them). The server's half, for a
 * local run's {@link LoopbackListener}: the request read and checked, and the answers.
 */
final class Upgrade {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** An answer's head larger than this is no WebSocket server's. */
    private static final int MAX_HEAD = 64 * 1024;

    private Upgrade() {}

    /** The request for {@code uri} with the given {@code Sec-WebSocket-Key}. */
    static byte[] request(URI uri, String key) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String host = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String request = "GET " + path + query + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n";
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends the request and reads the answer's head; the stream is left at the first frame's byte. */
    static Map<String, String> perform(URI uri, String key, OutputStream out, InputStream in) throws IOException {
        out.write(request(uri, key));
        out.flush();
        return check(readHead(in), key);
    }

    /**
     * The answer's headers by lower-case name (repeated ones joined by a comma), once it proves an accepted upgrade.
     *
     * @throws UpgradeRefused when the status is not 101
     * @throws IOException when the answer is no valid acceptance of this request
     */
    static Map<String, String> check(String head, String key) throws IOException {
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/")) {
            throw new IOException("the server's answer to the upgrade is no HTTP: " + lines[0]);
        }
        int code;
        try {
            code = Integer.parseInt(status[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the server's answer to the upgrade is no HTTP: " + lines[0], e);
        }
        if (code != 101) {
            throw new UpgradeRefused(code, lines[0]);
        }
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        if (!"websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))
                || !headers.getOrDefault("connection", "")
                        .toLowerCase(Locale.ROOT)
                        .contains("upgrade")) {
            throw new IOException("the server's answer to the upgrade switched to no WebSocket: " + lines[0]);
        }
        if (!accept(key).equals(headers.get("sec-websocket-accept"))) {
            throw new IOException("the server's answer to the upgrade has a wrong Sec-WebSocket-Accept");
        }
        return headers;
    }

    /** The {@code Sec-WebSocket-Accept} a server must answer {@code key} with. */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /**
     * An upgrade request as a server reads it.
     *
     * @param path the request's path, such as {@code /test_orchestrators/socket/websocket}
     * @param query the query's parameters, decoded, the first of each name
     * @param key its {@code Sec-WebSocket-Key}, or null when it is no WebSocket upgrade
     */
    record Request(String path, Map<String, String> query, String key) {}

    /** Reads a request's head and parses it; the stream is left at the first frame's byte. */
    static Request readRequest(InputStream in) throws IOException {
        String[] lines = readHead(
                        in,
                        "the client closed the connection during the upgrade",
                        "the client's upgrade request has no end")
                .split("\r\n");
        String[] line = lines[0].split(" ");
        if (line.length != 3 || !line[2].startsWith("HTTP/")) {
            throw new IOException("the client's upgrade request is no HTTP request");
        }
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                // A header given on several lines is one list (RFC 9110 section 5.3).
                headers.merge(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(),
                        (first, next) -> first + ", " + next);
            }
        }
        URI target;
        Map<String, String> query = new TreeMap<>();
        try {
            target = URI.create(line[1]);
            if (target.getRawQuery() != null) {
                for (String pair : target.getRawQuery().split("&")) {
                    int equals = pair.indexOf('=');
                    String name = equals < 0 ? pair : pair.substring(0, equals);
                    String value = equals < 0 ? "" : pair.substring(equals + 1);
                    query.putIfAbsent(
                            URLDecoder.decode(name, StandardCharsets.UTF_8),
                            URLDecoder.decode(value, StandardCharsets.UTF_8));
                }
            }
        } catch (IllegalArgumentException e) {
            return new Request(line[1], Map.of(), null); // a target that is no URI: a bad request
        }
        boolean upgrade = "GET".equals(line[0])
                && "websocket".equalsIgnoreCase(headers.getOrDefault("upgrade", ""))
                && tokens(headers.getOrDefault("connection", "")).contains("upgrade")
                && "13".equals(headers.get("sec-websocket-version"));
        return new Request(target.getRawPath(), query, upgrade ? headers.get("sec-websocket-key") : null);
    }

    /** A header's comma-separated tokens, in lower case. */
    private static List<String> tokens(String value) {
        return Arrays.stream(value.split(","))
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** The server's acceptance of the upgrade with {@code key}, with {@code headers} besides the handshake's own. */
    static byte[] accepted(String key, Map<String, String> headers) {
        StringBuilder answer = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n");
        headers.forEach(
                (name, value) -> answer.append(name).append(": ").append(value).append("\r\n"));
        return answer.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The server's refusal of a request, with {@code status} and its reason phrase, and no body. */
    static byte[] refused(int status, String reason) {
        return ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads up to and including the empty line that ends the head, byte by byte: nothing beyond it is consumed. */
    private static String readHead(InputStream in) throws IOException {
        return readHead(
                in,
                "the server closed the connection during the upgrade",
                "the server's answer to the upgrade has no end");
    }

    private static String readHead(InputStream in, String closed, String endless) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException(closed);
            }
            if (head.length() >= MAX_HEAD) {
                throw new IOException(endless);
            }
            head.append((char) b);
        }
        return head.substring(0, head.length() - 4);
    }
}
