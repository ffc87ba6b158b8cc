package ci.fast.maven.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The project's secret key. Its {@link #toString()} is {@code ***}, so that it cannot reach a log, a report or an
 * exception message by accident; {@link #reveal()} is called only where the key goes on the wire.
 */
public final class Secret {
    /** What users see wherever the key would stand. */
    public static final String REDACTED = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a key; fails on a blank one, which can never authenticate. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "secret key");
        if (value.isBlank()) {
            throw new IllegalArgumentException("the secret key is empty");
        }
        return new Secret(value);
    }

    /** A fresh random key, for the embedded server of one local run. */
    public static Secret random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return new Secret(HexFormat.of().formatHex(bytes));
    }

    /** The key itself, for the connect URL and the reports requests' header (docs/server-protocol.md) only. */
    public String reveal() {
        return value;
    }

    /** Compares in constant time, so that response timing tells nothing about the key. */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces every occurrence of the key in {@code text} by {@link #REDACTED}. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, REDACTED);
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
