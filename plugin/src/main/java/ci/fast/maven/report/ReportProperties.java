package ci.fast.maven.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system properties as the XML report lists them: all of them, sorted, with credentials masked.
 *
 * <p>Surefire lists them unmasked, but here the FastCI secret may come in as {@code -DfastCi.secretKey=...},
 * and the report must never carry it. Maven's whole command line is itself a property
 * ({@code sun.java.command}), so masking by name alone is not enough.
 */
final class ReportProperties {

    static final String MASK = "******";

    private static final String SECRET_WORDS = "secret|passw(?:or)?d|token|credential|api[._-]?key";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(?:" + SECRET_WORDS + ").*");

    /** A {@code -Dname=value} option with a secret-looking name, as found in a command line. */
    private static final Pattern SECRET_OPTION =
            Pattern.compile("(?i)(-D[^=\\s]*(?:" + SECRET_WORDS + ")[^=\\s]*=)(\"[^\"]*\"|'[^']*'|\\S*)");

    /** Shorter values are unlikely to be credentials and replacing them everywhere would garble other values. */
    private static final int MIN_ECHOED_SECRET_LENGTH = 8;

    private ReportProperties() {}

    /** A sorted, masked copy; only entries whose key and value are both strings, as {@link Properties} intends. */
    static SortedMap<String, String> of(Properties properties) {
        SortedMap<String, String> sorted = new TreeMap<>();
        // stringPropertyNames() is a snapshot: safe while another thread sets a property.
        for (String name : properties.stringPropertyNames()) {
            String value = properties.getProperty(name);
            if (value != null) {
                sorted.put(name, value);
            }
        }
        return masked(sorted);
    }

    static SortedMap<String, String> masked(Map<String, String> properties) {
        List<String> secrets = new ArrayList<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (isSecretName(e.getKey()) && e.getValue().length() >= MIN_ECHOED_SECRET_LENGTH) {
                secrets.add(e.getValue());
            }
        }
        // Longest first, so a secret that contains another is replaced whole.
        secrets.sort(Collections.reverseOrder((a, b) -> Integer.compare(a.length(), b.length())));
        SortedMap<String, String> result = new TreeMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String value = e.getValue();
            result.put(e.getKey(), isSecretName(e.getKey()) && !value.isEmpty() ? MASK : maskInside(value, secrets));
        }
        return result;
    }

    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    private static String maskInside(String value, List<String> secrets) {
        String masked = SECRET_OPTION.matcher(value).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
