package ci.fast.maven.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What {@code fast-ci:serve} keeps its runs and timing history in, by {@code fastCi.store}: {@value #SQLITE} (the
 * default), a {@link SqlStore} in the data directory that outlives the process; or {@value #MEMORY}, nothing that
 * does, the timing history alone kept in its JSON file, as before the store existed.
 *
 * @param store the runs' facts
 * @param timings the timing history
 * @param closer closes what the store holds open; a no-op in memory
 */
public record ServerStore(RunStore store, TimingHistory timings, AutoCloseable closer) implements AutoCloseable {
    public static final String SQLITE = "sqlite";
    public static final String MEMORY = "memory";

    /**
     * Opens the store of kind {@code kind}. An SQLite store takes in {@code timingsFile}, the history of an earlier
     * server, the first time it finds it.
     *
     * @param warn told of a timings file that cannot be read
     * @param info told of a timings file taken in
     * @throws IllegalArgumentException naming the kinds, for a kind that is neither
     * @throws IOException when the data directory's store cannot be opened
     */
    public static ServerStore open(
            String kind, Path dataDir, Path timingsFile, Consumer<String> warn, Consumer<String> info)
            throws IOException {
        if (MEMORY.equals(kind)) {
            return new ServerStore(new MemoryStore(), RunKeyTimings.load(timingsFile, warn), () -> {});
        }
        if (!SQLITE.equals(kind)) {
            throw new IllegalArgumentException(
                    "fastCi.store must be " + SQLITE + " (the default) or " + MEMORY + ", not '" + kind + "'");
        }
        SqlStore sql = SqlStore.open(dataDir);
        int imported = sql.timings().importOnce(timingsFile, warn);
        if (imported > 0) {
            info.accept("fast-ci took the timings of " + imported + " classes from " + timingsFile + " into its store");
        }
        return new ServerStore(sql, sql.timings(), sql);
    }

    /**
     * Opens the store {@code settings} name: the PostgreSQL database of {@code fastCi.database} when it is set (every
     * replica on it shares it), otherwise as {@link #open(String, Path, Path, Consumer, Consumer)}.
     *
     * @param info told which database the state is in (its host, port and name only)
     * @throws IOException in one line without the password when the database cannot be used
     */
    public static ServerStore open(ServerSettings settings, Consumer<String> warn, Consumer<String> info)
            throws IOException {
        if (settings.database().isEmpty()) {
            return open(settings.store(), settings.dataDir(), settings.timingsFile(), warn, info);
        }
        PgStore pg = PgStore.open(settings.database().get());
        info.accept("fast-ci keeps its runs in the database " + pg.describe() + ", shared by every server on it");
        return new ServerStore(pg, pg.timings(), pg);
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
