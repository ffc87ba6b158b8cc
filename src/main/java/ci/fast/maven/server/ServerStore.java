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

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
