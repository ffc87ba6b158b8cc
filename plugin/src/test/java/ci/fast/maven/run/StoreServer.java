package ci.fast.maven.run;

import ci.fast.maven.channel.Secret;
import ci.fast.maven.server.MemoryStore;
import ci.fast.maven.server.Orchestrator;
import ci.fast.maven.server.OrchestratorServer;
import ci.fast.maven.server.PgDatabase;
import ci.fast.maven.server.PgStore;
import ci.fast.maven.server.RunStore;
import ci.fast.maven.server.SqlStore;
import java.nio.file.Path;

/**
 * A server in a JVM of its own for {@link ServerRestartTest}, as {@code fast-ci:serve} runs one: its store in the data
 * directory (or in memory), on a given port, with the key of {@code FAST_CI_SECRET_KEY}; prints {@value #READY} and
 * the port once it accepts, and serves until it is killed.
 *
 * <p>Usage: {@code StoreServer <data dir> <port> sqlite|memory|pg}; {@code pg} is the PostgreSQL database of
 * {@code FAST_CI_DATABASE}, logged in as {@code FAST_CI_DATABASE_USER} with {@code FAST_CI_DATABASE_PASSWORD}
 */
public final class StoreServer {
    static final String READY = "listening on ";

    private StoreServer() {}

    public static void main(String[] args) throws Exception {
        RunStore store =
                switch (args[2]) {
                    case "memory" -> new MemoryStore();
                    case "pg" ->
                        PgStore.open(new PgDatabase(
                                System.getenv("FAST_CI_DATABASE"),
                                System.getenv("FAST_CI_DATABASE_USER"),
                                Secret.of(System.getenv("FAST_CI_DATABASE_PASSWORD"))));
                    default -> SqlStore.open(Path.of(args[0]));
                };
        Orchestrator.Builder orchestrator =
                Orchestrator.builder().store(store).log(line -> System.out.println("server: " + line));
        if (store instanceof SqlStore sql) {
            orchestrator.timings(sql.timings());
        }
        if (store instanceof PgStore pg) {
            orchestrator.timings(pg.timings());
        }
        OrchestratorServer server = OrchestratorServer.start(
                "127.0.0.1",
                Integer.parseInt(args[1]),
                Secret.of(System.getenv("FAST_CI_SECRET_KEY")),
                orchestrator.build());
        System.out.println(READY + server.port());
        System.out.flush();
        Thread.currentThread().join(); // until killed
    }
}
