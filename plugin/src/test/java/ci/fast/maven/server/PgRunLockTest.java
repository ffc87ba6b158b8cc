package ci.fast.maven.server;

import static ci.fast.maven.server.TestPostgres.connect;
import static ci.fast.maven.server.TestPostgres.runLockFree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replica keeps a run's lock across replicas idle for the store's linger once it has written what it had, so that
 * the run's next unit takes no round trip for it; it gives it up when the linger ends, at once when another replica
 * wants it, and keeps at most a quarter of its pool's connections so pinned.
 */
@ExtendWith(TestPostgres.Extension.class)
class PgRunLockTest {
    private static final RunId RUN = new RunId("test_orchestrator:junit-lock", "junit");

    private final PgDatabase database;
    private final List<PgStore> opened = new ArrayList<>();

    PgRunLockTest(TestPostgres pg) {
        this.database = pg.newDatabase();
    }

    @AfterEach
    void close() {
        opened.forEach(PgStore::close);
    }

    @Test
    @Timeout(60)
    void keepsTheLockOfARunWithNothingLeftToWriteUntilTheLingerEnds() throws Exception {
        StoredRun run = store(Duration.ofSeconds(3)).open(RUN);

        write(run);
        boolean freeAfterTheUnit = runLockFree(database, RUN.topic());
        write(run); // on the lock it kept

        assertFalse(freeAfterTheUnit, "the lock is kept once the unit is written");
        assertFalse(runLockFree(database, RUN.topic()), "and still after the next unit");
        // Waits in PostgreSQL for the lock itself: it is granted once the linger ends and the store gives it up.
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("SET LOCAL lock_timeout = '30s'");
            statement.execute(
                    "SELECT pg_advisory_xact_lock(" + PgRun.LOCK_CLASS + ", hashtext('" + RUN.topic() + "'))");
            connection.commit();
        }
    }

    @Test
    @Timeout(30)
    void givesAnIdleLockUpAtOnceToAnotherReplicaThatWantsIt() throws SQLException {
        Duration never = Duration.ofMinutes(10);
        StoredRun onA = store(never).open(RUN);
        StoredRun onB = store(never).open(RUN);

        write(onA);
        boolean keptByA = !runLockFree(database, RUN.topic());
        write(onB); // waits for A's lock until A hears that B wants it: without that, 10 minutes
        boolean keptByB = !runLockFree(database, RUN.topic());
        write(onA); // and back

        assertTrue(keptByA, "A kept the lock idle");
        assertTrue(keptByB, "B had it next, and kept it");
    }

    @Test
    @Timeout(60)
    void keepsAtMostAQuarterOfItsPoolOnIdleLocks() {
        PgStore store = store(Duration.ofMinutes(10));
        for (int i = 0; i < 12; i++) {
            write(store.open(new RunId("test_orchestrator:junit-lock-" + i, "junit")));
        }

        assertEquals(8, heldLocks(), "8 of the 32 connections keep a run's lock; the other runs gave theirs up");
    }

    private PgStore store(Duration linger) {
        try {
            PgStore store = PgStore.open(
                    database, System::nanoTime, System::currentTimeMillis, MemoryShares.DEFAULT_LINEAGES, linger);
            opened.add(store);
            return store;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(StoredRun run) {
        run.begin();
        run.nodeHere(run.nextNodeIndex());
        run.commit().await();
    }

    private long heldLocks() {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        + " AND classid = " + PgRun.LOCK_CLASS + " AND granted"
                        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
