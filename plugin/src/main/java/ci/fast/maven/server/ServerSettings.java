package ci.fast.maven.server;

import ci.fast.maven.channel.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything a standing server ({@code fast-ci:serve}, or the {@code server} jar) is started with, checked once. Built
 * from the goal's parameters or from the jar's flags, system properties and environment by the one translation in
 * {@link ServerOptions}.
 *
 * @param host the address to bind
 * @param port the port; 0 for a free one
 * @param keys who may connect: one key, or a keys file naming a key per project
 * @param tls the PKCS12 keystore that makes the socket wss://, or empty for plain ws://
 * @param limits what one connection may send before it is cut
 * @param retention how long a finished run is kept, and told "run finished" to a late node; then deleted
 * @param timingsFile where each class's last duration is kept, by run key
 * @param skipAfterFailureCount Surefire's {@code skipAfterFailureCount} for every run; 0 for no limit
 * @param drainTimeout on SIGTERM, how long the server waits for its nodes to move elsewhere before it stops
 * @param dashboard whether the server serves its dashboard on its port (with a keys file, each viewer gives a key)
 * @param dataDir where the {@code sqlite} store keeps its file
 * @param store {@code sqlite} (runs, shares and timings survive the process) or {@code memory}
 * @param database the PostgreSQL database that holds the state instead, shared by every replica on it; empty for none
 */
public record ServerSettings(
        String host,
        int port,
        KeySource keys,
        Optional<Tls> tls,
        Limits limits,
        Duration retention,
        Path timingsFile,
        int skipAfterFailureCount,
        Duration drainTimeout,
        boolean dashboard,
        Path dataDir,
        String store,
        Optional<PgDatabase> database) {
    /** How long a finished run is kept by default: two weeks of CI history. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

    public ServerSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("fastCi.host must name an address, such as 0.0.0.0");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("fastCi.port must be 0 to 65535, was " + port);
        }
        if (keys == null
                || tls == null
                || limits == null
                || timingsFile == null
                || dataDir == null
                || database == null) {
            throw new IllegalArgumentException("a server needs keys, limits, a timings file and a data directory");
        }
        if (!ServerStore.SQLITE.equals(store) && !ServerStore.MEMORY.equals(store)) {
            throw new IllegalArgumentException("fastCi.store must be " + ServerStore.SQLITE + " (the default) or "
                    + ServerStore.MEMORY + ", not '" + store + "'");
        }
        positive(retention, "fastCi.retention");
        positive(drainTimeout, "fastCi.drainTimeout");
        if (skipAfterFailureCount < 0) {
            throw new IllegalArgumentException(
                    "fastCi.skipAfterFailureCount must be 0 (no limit) or more, was " + skipAfterFailureCount);
        }
    }

    /**
     * Where a server's keys come from.
     *
     * @param secretKey the one key of a server for one project (the environment's {@code FAST_CI_SECRET_KEY}); null
     *     with a keys file
     * @param keysFile a file of {@code project=key} lines, reread when it changes; null with one key
     */
    public record KeySource(Secret secretKey, Path keysFile) {
        public KeySource {
            if ((secretKey == null) == (keysFile == null)) {
                throw new IllegalArgumentException("a server takes either one secret key or a keys file");
            }
        }

        /** The keys the server checks upgrades against. */
        ProjectKeys open(Consumer<String> log) {
            return keysFile == null ? ProjectKeys.single(secretKey) : ProjectKeys.file(keysFile, log);
        }
    }

    /**
     * TLS on the server's own socket.
     *
     * @param keystore a PKCS12 file holding the server's certificate and private key
     * @param password the keystore's password (and its key's)
     */
    public record Tls(Path keystore, Secret password) {
        public Tls {
            if (keystore == null || password == null) {
                throw new IllegalArgumentException("TLS needs a keystore and its password");
            }
        }
    }

    /**
     * What one connection may do before the server cuts it, with a log line, while it serves everyone else.
     *
     * @param maxFrameBytes the largest frame accepted
     * @param idleTimeout a connection silent this long is closed (a node heartbeats every 30 s)
     * @param joinsPerMinute joins one connection may send per minute, after a first burst of as many
     */
    public record Limits(int maxFrameBytes, Duration idleTimeout, int joinsPerMinute) {
        /** Frames up to 64 MiB (an enq of tens of thousands of classes fits), 60 s of silence, 600 joins a minute. */
        public static final Limits DEFAULT = new Limits(64 * 1024 * 1024, Duration.ofSeconds(60), 600);

        public Limits {
            if (maxFrameBytes < 1024) {
                throw new IllegalArgumentException("fastCi.maxFrameBytes must be at least 1024, was " + maxFrameBytes);
            }
            positive(idleTimeout, "fastCi.idleTimeout");
            if (joinsPerMinute < 1 || joinsPerMinute > 100_000) {
                throw new IllegalArgumentException("fastCi.joinsPerMinute must be 1 to 100000, was " + joinsPerMinute);
            }
        }
    }

    private static void positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
