package ci.fast.maven.server;

import static ci.fast.maven.server.TestPostgres.connect;
import static ci.fast.maven.server.TestPostgres.runLockFree;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.channel.Events;
import ci.fast.maven.channel.Frame;
import ci.fast.maven.channel.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A PostgreSQL store that fails in the middle of a unit of work (a real database whose table went away under it) leaves
 * nothing of the unit behind: the run's lock across replicas is given up, and the next command starts from what the
 * database holds.
 */
@ExtendWith(TestPostgres.Extension.class)
class PgStoreFailureTest {
    private static final String TOPIC = "test_orchestrator:junit-failure";
    private static final RunId RUN = new RunId(TOPIC, "junit");

    private final TestPostgres pg;
    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final List<PgStore> stores = new ArrayList<>();
    private PgDatabase database;
    private RunDispatch run;
    private final Peer node = new Peer() {
        @Override
        public void send(Frame frame) {}

        @Override
        public String describe() {
            return "node-a";
        }
    };
    private long refs;

    PgStoreFailureTest(TestPostgres pg) {
        this.pg = pg;
    }

    @BeforeEach
    void aNodeOfABuildJoinedAndEnqueued() throws IOException {
        database = pg.newDatabase();
        PgStore store = PgStore.open(database, nanos::get, System::currentTimeMillis, 10);
        stores.add(store);
        run = new RunDispatch(RunRules.builder(store.open(RUN), RunKeyTimings.inMemory(), nanos::get)
                .shares(store.shares())
                .build());
        JsonObject ci = Json.PROVIDER
                .createObjectBuilder()
                .add(
                        Events.CI_NODE,
                        Json.PROVIDER
                                .createObjectBuilder()
                                .add("lineage", "build-1")
                                .add("attempt", "a-1")
                                .add("node", "test")
                                .add("machine", "m"))
                .build();
        run.join(node, push(Events.JOIN, ci)).durable().await();
        JsonObject tests = Json.PROVIDER
                .createObjectBuilder()
                .add("A", RunTest.entry())
                .add("B", RunTest.entry())
                .build();
        run.enq(
                        node,
                        push(
                                Events.ENQ,
                                Json.PROVIDER
                                        .createObjectBuilder()
                                        .add("tests", tests)
                                        .build()))
                .durable()
                .await();
    }

    @AfterEach
    void close() {
        stores.forEach(PgStore::close);
    }

    @Test
    void aDeqWhoseUnitFailsHalfWayGivesTheRunsLockUpAndTheNextStartsFromTheDatabase() throws Exception {
        sql("ALTER TABLE share_classes RENAME TO share_classes_gone"); // the deq's handing out fails half way

        assertThrows(StoreFailure.class, () -> run.deq(node, push(Events.DEQ, Json.EMPTY))
                .events());

        boolean lockFree = runLockFree(database, TOPIC);
        sql("ALTER TABLE share_classes_gone RENAME TO share_classes");
        RunDispatch.Step again = run.deq(node, push(Events.DEQ, Json.EMPTY));
        again.durable().await();
        PgStore second = PgStore.open(database, nanos::get, System::currentTimeMillis, 10);
        stores.add(second);
        StoredRun seen = second.open(RUN);
        seen.begin();
        List<String> held = seen.held(0);
        seen.commit().await();

        assertAll(
                () -> assertTrue(lockFree, "the run's lock was given up"),
                () -> assertEquals(
                        List.of(new RunEvent.BatchHandedOut(0, held)),
                        again.events(),
                        "the next deq hands out what the database then holds"),
                () -> assertTrue(!held.isEmpty(), "a batch was handed out"));
    }

    private Frame push(String event, JsonObject payload) {
        return Frame.push(++refs, TOPIC, event, payload);
    }

    private void sql(String sql) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
