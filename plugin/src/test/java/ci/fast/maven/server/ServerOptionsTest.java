package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one translation of a standing server's settings, and the server jar's flags. */
class ServerOptionsTest {
    private static final Map<String, String> KEY = Map.of("FAST_CI_SECRET_KEY", "the-key");

    @Test
    void takesEachSettingFromItsValueThenTheEnvironmentThenItsDefault() {
        ServerSettings settings = ServerOptions.translate(
                Map.of(ServerOptions.PORT, "4100"),
                Map.of("FAST_CI_SECRET_KEY", "the-key", "FAST_CI_PORT", "4200", "FAST_CI_IDLE_TIMEOUT", "90s"));

        assertEquals(4100, settings.port(), "the value wins over the environment");
        assertEquals(Duration.ofSeconds(90), settings.limits().idleTimeout(), "the environment over the default");
        assertEquals("127.0.0.1", settings.host());
        assertEquals(Duration.ofDays(14), settings.retention());
        assertEquals(600, settings.limits().joinsPerMinute());
        assertTrue(settings.keys().secretKey().matches("the-key"));
        assertTrue(settings.tls().isEmpty());
    }

    @Test
    void namesEachSettingAsAFlagAndAnEnvironmentVariable() {
        assertEquals("--tls-keystore", ServerOptions.flagName(ServerOptions.TLS_KEYSTORE));
        assertEquals("FAST_CI_TLS_KEYSTORE", ServerOptions.envName(ServerOptions.TLS_KEYSTORE));
        assertEquals("--skip-after-failure-count", ServerOptions.flagName(ServerOptions.SKIP_AFTER_FAILURE_COUNT));
        assertEquals("FAST_CI_SECRET_KEY", ServerOptions.envName(ServerOptions.SECRET_KEY));
    }

    @Test
    void readsDurationsShortOrIso() {
        assertEquals(Duration.ofDays(14), ServerOptions.parseDuration("r", "14d"));
        assertEquals(Duration.ofMillis(500), ServerOptions.parseDuration("r", "500ms"));
        assertEquals(Duration.ofMinutes(90), ServerOptions.parseDuration("r", "PT1H30M"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ServerOptions.parseDuration("fastCi.retention", "soon"));
        assertEquals(
                "fastCi.retention must be a duration such as 14d, 12h, 30m, 45s, 500ms or PT30S, was soon",
                e.getMessage());
    }

    @Test
    void saysInOneLineWhatIsMissingOrWrong() {
        assertEquals(
                "the server needs the project's secret key: set the environment variable FAST_CI_SECRET_KEY, or a keys"
                        + " file (--keys-file, -DfastCi.keysFile or FAST_CI_KEYS_FILE) for several projects",
                assertThrows(IllegalArgumentException.class, () -> ServerOptions.translate(Map.of(), Map.of()))
                        .getMessage());
        assertEquals(
                "fastCi.port must be a whole number, was four",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ServerOptions.translate(Map.of(ServerOptions.PORT, "four"), KEY))
                        .getMessage());
        assertEquals(
                "fastCi.tls.keystore needs its password in the environment variable FAST_CI_TLS_PASSWORD",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ServerOptions.translate(Map.of(ServerOptions.TLS_KEYSTORE, "server.p12"), KEY))
                        .getMessage());
        assertEquals(
                "the server takes either fastCi.secretKey or fastCi.keysFile, not both",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ServerOptions.translate(
                                        Map.of(ServerOptions.SECRET_KEY, "k", ServerOptions.KEYS_FILE, "keys"),
                                        Map.of()))
                        .getMessage());
    }

    @Test
    void prefersAKeysFileToTheEnvironmentsKey() {
        ServerSettings settings = ServerOptions.translate(Map.of(ServerOptions.KEYS_FILE, "keys.properties"), KEY);

        assertEquals(Path.of("keys.properties"), settings.keys().keysFile());
        assertNull(settings.keys().secretKey());
    }

    @Test
    void takesFlagsOverSystemPropertiesAndNeverAKeyAsAFlag() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        String previous = System.getProperty(ServerOptions.PORT);
        System.setProperty(ServerOptions.PORT, "4300");
        try {
            assertEquals(
                    Map.of(ServerOptions.PORT, "4400", ServerOptions.RETENTION, "7d"),
                    ServerMain.values(new String[] {"--port", "4400", "--retention=7d"}, errors));
            assertEquals(Map.of(ServerOptions.PORT, "4300"), ServerMain.values(new String[0], errors));
        } finally {
            if (previous == null) {
                System.clearProperty(ServerOptions.PORT);
            } else {
                System.setProperty(ServerOptions.PORT, previous);
            }
        }
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServerMain.values(new String[] {"--secret-key", "the-key"}, errors));
        assertEquals(
                "--secret-key is not taken: a command line is seen by every user of this machine; set"
                        + " FAST_CI_SECRET_KEY (or use a keys file)",
                e.getMessage());
        assertFalse(e.getMessage().contains("the-key"));
        assertEquals(
                "unknown option --prot; --help lists them",
                assertThrows(IllegalArgumentException.class, () -> ServerMain.values(new String[] {"--prot"}, errors))
                        .getMessage());
        assertNull(ServerMain.values(new String[] {"--help"}, errors));
    }

    @Test
    void takesTheDatabaseAsAFlagAndItsPasswordFromTheEnvironmentAloneNeverShowingIt() {
        assertEquals("--database", ServerOptions.flagName(ServerOptions.DATABASE));
        assertEquals("FAST_CI_DATABASE_USER", ServerOptions.envName(ServerOptions.DATABASE_USER));
        assertTrue(ServerOptions.translate(Map.of(), KEY).database().isEmpty(), "none by default");

        ServerSettings settings = ServerOptions.translate(
                Map.of(ServerOptions.DATABASE, "jdbc:postgresql://db.example.com:5433/fastci?sslmode=require"),
                Map.of(
                        "FAST_CI_SECRET_KEY", "the-key",
                        "FAST_CI_DATABASE_USER", "ci",
                        "FAST_CI_DATABASE_PASSWORD", "pg-secret",
                        "FAST_CI_DATABASE_PASSWORD_FLAG", "unused"));

        PgDatabase database = settings.database().orElseThrow();
        assertEquals("ci", database.user());
        assertEquals("pg-secret", database.password().reveal());
        assertEquals("postgresql://db.example.com:5433/fastci", database.describe());
        assertEquals("postgresql://db.example.com:5433/fastci", database.toString());
        assertFalse(settings.toString().contains("pg-secret"), settings::toString);
        assertFalse(
                ServerOptions.DEFAULTS.containsKey(ServerOptions.DATABASE_PASSWORD),
                "no flag, no property: the environment alone");
        PgDatabase inUrl = new PgDatabase("jdbc:postgresql://h:1/d?user=u&password=in-url", null, null);
        assertFalse(inUrl.toString().contains("in-url"));
        assertFalse(inUrl.scrub("cannot connect to jdbc:postgresql://h:1/d?user=u&password=in-url")
                .contains("in-url"));
        PgDatabase userInfo = new PgDatabase("jdbc:postgresql://u:info-pw@h/d", null, null);
        assertFalse(userInfo.toString().contains("info-pw"));
        assertFalse(userInfo.scrub("No suitable driver found for jdbc:postgresql://u:info-pw@h/d")
                .contains("info-pw"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ServerOptions.translate(Map.of(ServerOptions.DATABASE, "postgres://u:secret-pw@h/d"), KEY));
        assertEquals(
                "fastCi.database must be a PostgreSQL URL such as jdbc:postgresql://db.example.com:5432/fastci",
                e.getMessage());
    }
}
