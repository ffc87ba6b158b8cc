package ci.fast.maven.server;

import ci.fast.maven.channel.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one translation of a standing server's settings into {@link ServerSettings}: each setting has a property name
 * ({@code fastCi.port}), which is also how {@code fast-ci:serve} and the jar's system properties name it, a flag of
 * the jar ({@code --port}) and an environment variable ({@code FAST_CI_PORT}). A flag wins over a system property, and
 * that over the environment. The keys (the secret key, the TLS keystore's password) have no flag: a command line is
 * seen by everyone on the machine.
 */
public final class ServerOptions {
    public static final String HOST = "fastCi.host";
    public static final String PORT = "fastCi.port";
    public static final String SECRET_KEY = "fastCi.secretKey";
    public static final String KEYS_FILE = "fastCi.keysFile";
    public static final String TLS_KEYSTORE = "fastCi.tls.keystore";
    public static final String TLS_PASSWORD = "fastCi.tls.password";
    public static final String RETENTION = "fastCi.retention";
    public static final String MAX_FRAME_BYTES = "fastCi.maxFrameBytes";
    public static final String IDLE_TIMEOUT = "fastCi.idleTimeout";
    public static final String JOINS_PER_MINUTE = "fastCi.joinsPerMinute";
    public static final String TIMINGS_FILE = "fastCi.timingsFile";
    public static final String SKIP_AFTER_FAILURE_COUNT = "fastCi.skipAfterFailureCount";
    public static final String DRAIN_TIMEOUT = "fastCi.drainTimeout";
    public static final String DASHBOARD = "fastCi.dashboard";
    public static final String DATA_DIR = "fastCi.dataDir";
    public static final String STORE = "fastCi.store";
    public static final String DATABASE = "fastCi.database";
    public static final String DATABASE_USER = "fastCi.database.user";
    /** Read from the environment alone ({@code FAST_CI_DATABASE_PASSWORD}): no flag, no property, no parameter. */
    public static final String DATABASE_PASSWORD = "fastCi.database.password";

    /** Every setting with its default ({@code null}: none), in the order {@code --help} lists them. */
    static final Map<String, String> DEFAULTS = defaults();

    /** The settings that hold a key: never a flag. */
    static final List<String> SECRETS = List.of(SECRET_KEY, TLS_PASSWORD);

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private ServerOptions() {}

    /**
     * Translates settings named by property into checked settings.
     *
     * @param values settings by property name (the goal's parameters, or the jar's flags over its system properties);
     *     a missing or blank one falls back to the environment, then to its default
     * @param env the environment ({@code FAST_CI_SECRET_KEY}, {@code FAST_CI_PORT}, ...)
     * @throws IllegalArgumentException with the one line that says what to fix
     */
    public static ServerSettings translate(Map<String, String> values, Map<String, String> env) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Map.Entry<String, String> setting : DEFAULTS.entrySet()) {
            String value =
                    firstSet(values.get(setting.getKey()), env.get(envName(setting.getKey())), setting.getValue());
            if (value != null) {
                all.put(setting.getKey(), value.strip());
            }
        }
        Optional<ServerSettings.Tls> tls = Optional.ofNullable(all.get(TLS_KEYSTORE))
                .map(keystore -> new ServerSettings.Tls(Path.of(keystore), tlsPassword(all)));
        return new ServerSettings(
                all.get(HOST),
                integer(all, PORT),
                keys(values, all),
                tls,
                new ServerSettings.Limits(
                        integer(all, MAX_FRAME_BYTES), duration(all, IDLE_TIMEOUT), integer(all, JOINS_PER_MINUTE)),
                duration(all, RETENTION),
                Path.of(all.get(TIMINGS_FILE)),
                integer(all, SKIP_AFTER_FAILURE_COUNT),
                duration(all, DRAIN_TIMEOUT),
                bool(all, DASHBOARD),
                Path.of(all.get(DATA_DIR)),
                all.get(STORE),
                database(all, env));
    }

    private static Optional<PgDatabase> database(Map<String, String> all, Map<String, String> env) {
        String password = env.get(envName(DATABASE_PASSWORD));
        return Optional.ofNullable(all.get(DATABASE))
                .map(url -> new PgDatabase(
                        url,
                        all.get(DATABASE_USER),
                        password == null || password.isEmpty() ? null : Secret.of(password)));
    }

    /** The environment variable of a setting: {@code fastCi.tls.keystore} is {@code FAST_CI_TLS_KEYSTORE}. */
    static String envName(String property) {
        return "FAST_CI_" + snake(property.substring("fastCi.".length())).toUpperCase(Locale.ROOT);
    }

    /** The jar's flag of a setting: {@code fastCi.tls.keystore} is {@code --tls-keystore}. */
    static String flagName(String property) {
        return "--"
                + snake(property.substring("fastCi.".length()))
                        .replace('_', '-')
                        .toLowerCase(Locale.ROOT);
    }

    /**
     * A duration as {@code 14d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 500ms}, or ISO-8601 ({@code PT30S}).
     */
    static Duration parseDuration(String name, String text) {
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name + " must be a duration such as 14d, 12h, 30m, 45s, 500ms or PT30S, was " + text);
        }
    }

    private static ServerSettings.KeySource keys(Map<String, String> values, Map<String, String> all) {
        String keysFile = all.get(KEYS_FILE);
        String explicit = values.get(SECRET_KEY);
        if (keysFile != null && explicit != null && !explicit.isBlank()) {
            throw new IllegalArgumentException(
                    "the server takes either " + SECRET_KEY + " or " + KEYS_FILE + ", not both");
        }
        if (keysFile != null) {
            // A keys file wins over FAST_CI_SECRET_KEY: a deployed server's environment may hold the key of a node.
            return new ServerSettings.KeySource(null, Path.of(keysFile));
        }
        String key = all.get(SECRET_KEY);
        if (key == null) {
            throw new IllegalArgumentException("the server needs the project's secret key: set the environment"
                    + " variable " + envName(SECRET_KEY) + ", or a keys file (" + flagName(KEYS_FILE) + ", -D"
                    + KEYS_FILE + " or " + envName(KEYS_FILE) + ") for several projects");
        }
        return new ServerSettings.KeySource(Secret.of(key), null);
    }

    private static Secret tlsPassword(Map<String, String> all) {
        String password = all.get(TLS_PASSWORD);
        if (password == null) {
            throw new IllegalArgumentException(
                    TLS_KEYSTORE + " needs its password in the environment variable " + envName(TLS_PASSWORD));
        }
        return Secret.of(password);
    }

    private static int integer(Map<String, String> all, String name) {
        try {
            return Integer.parseInt(all.get(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was " + all.get(name));
        }
    }

    private static boolean bool(Map<String, String> all, String name) {
        String value = all.get(name);
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(name + " must be true or false, was " + value);
    }

    private static Duration duration(Map<String, String> all, String name) {
        return parseDuration(name, all.get(name));
    }

    private static String firstSet(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static String snake(String camel) {
        return camel.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2");
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(HOST, "127.0.0.1");
        defaults.put(PORT, "4000");
        defaults.put(SECRET_KEY, null);
        defaults.put(KEYS_FILE, null);
        defaults.put(TLS_KEYSTORE, null);
        defaults.put(TLS_PASSWORD, null);
        defaults.put(RETENTION, "14d");
        defaults.put(MAX_FRAME_BYTES, String.valueOf(ServerSettings.Limits.DEFAULT.maxFrameBytes()));
        defaults.put(IDLE_TIMEOUT, "60s");
        defaults.put(JOINS_PER_MINUTE, String.valueOf(ServerSettings.Limits.DEFAULT.joinsPerMinute()));
        defaults.put(
                TIMINGS_FILE,
                Path.of(System.getProperty("user.home"), ".fast-ci", "serve-timings.json")
                        .toString());
        defaults.put(SKIP_AFTER_FAILURE_COUNT, "0");
        defaults.put(DRAIN_TIMEOUT, "30s");
        defaults.put(DASHBOARD, "true");
        defaults.put(
                DATA_DIR,
                Path.of(System.getProperty("user.home"), ".fast-ci", "server").toString());
        defaults.put(STORE, ServerStore.SQLITE);
        defaults.put(DATABASE, null);
        defaults.put(DATABASE_USER, null);
        return java.util.Collections.unmodifiableMap(defaults);
    }
}
