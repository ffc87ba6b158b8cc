package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

/**
 * A run as the stores' earlier version left it, written by hand with that version's tables: the queue a queued row a
 * class (the rows of classes taken since left, as SQLite's store left them), what a node holds a held row a class (the
 * row of a class with a result left). A store of this version opens it and carries the run on.
 */
final class EarlierVersionRun {
    static final RunId RUN = new RunId("test_orchestrator:junit-earlier", "junit");

    /** The earlier version's tables that this version changed or reads differently; the store makes the others. */
    private static final List<String> TABLES = List.of(
            "CREATE TABLE runs (topic TEXT PRIMARY KEY, run_key TEXT NOT NULL, next_node BIGINT NOT NULL DEFAULT 0,"
                    + " enqueued BIGINT NOT NULL DEFAULT 0, enqueued_at BIGINT NOT NULL DEFAULT 0,"
                    + " duplicates BIGINT NOT NULL DEFAULT 0)",
            "CREATE TABLE run_classes (topic TEXT NOT NULL, class_name TEXT NOT NULL, position BIGINT NOT NULL,"
                    + " estimate DOUBLE PRECISION NOT NULL, PRIMARY KEY (topic, class_name))",
            "CREATE TABLE queued (topic TEXT NOT NULL, class_name TEXT NOT NULL, position BIGINT NOT NULL,"
                    + " PRIMARY KEY (topic, class_name))",
            "CREATE TABLE held (topic TEXT NOT NULL, node BIGINT NOT NULL, class_name TEXT NOT NULL,"
                    + " position BIGINT NOT NULL, PRIMARY KEY (topic, node, class_name))",
            "CREATE TABLE results (topic TEXT NOT NULL, class_name TEXT NOT NULL, status TEXT NOT NULL,"
                    + " seconds DOUBLE PRECISION NOT NULL, lost BIGINT NOT NULL, tests TEXT NOT NULL,"
                    + " position BIGINT NOT NULL, context TEXT, node BIGINT, started_at BIGINT, ended_at BIGINT,"
                    + " PRIMARY KEY (topic, class_name))");

    private EarlierVersionRun() {}

    /**
     * Writes the run: classes A to F enqueued (estimates 1 to 6) and queued longest first; node 0 took F and E and
     * sent F's result; node 1 took D and was lost, D queued last again. {@code pg}: as PostgreSQL's store left it,
     * with the columns it had added to the runs row then, and without the queued rows of the classes taken (it deleted
     * them; SQLite's left them).
     */
    static void write(Connection connection, boolean pg) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute(table);
            }
            String t = "'" + RUN.topic() + "'";
            if (pg) {
                statement.execute("ALTER TABLE runs ADD COLUMN version BIGINT NOT NULL DEFAULT 0");
                statement.execute("ALTER TABLE runs ADD COLUMN next_position BIGINT NOT NULL DEFAULT 0");
                statement.execute("INSERT INTO runs (topic, run_key, next_node, enqueued, enqueued_at, version,"
                        + " next_position) VALUES (" + t + ", 'junit', 2, 1, 1000, 5, 12)");
            } else {
                statement.execute("INSERT INTO runs (topic, run_key, next_node, enqueued, enqueued_at) VALUES (" + t
                        + ", 'junit', 2, 1, 1000)");
            }
            String[] classes = {"A", "B", "C", "D", "E", "F"};
            for (int i = 0; i < classes.length; i++) {
                statement.execute("INSERT INTO run_classes (topic, class_name, position, estimate) VALUES (" + t + ", '"
                        + classes[i] + "', " + i + ", " + (i + 1) + ")");
            }
            // F and E were taken and held in one unit: their rows left. D was taken, then queued last again.
            List<String> queued = pg
                    ? List.of("'C', 4", "'B', 5", "'A', 6", "'D', 7")
                    : List.of("'F', 1", "'E', 2", "'C', 4", "'B', 5", "'A', 6", "'D', 7");
            for (String row : queued) {
                statement.execute("INSERT INTO queued (topic, class_name, position) VALUES (" + t + ", " + row + ")");
            }
            statement.execute("INSERT INTO held (topic, node, class_name, position) VALUES (" + t + ", 0, 'F', 8), ("
                    + t + ", 0, 'E', 9)");
            statement.execute("INSERT INTO results (topic, class_name, status, seconds, lost, tests, position)"
                    + " VALUES (" + t + ", 'F', 'passed', 0.5, 0, '[]', 11)");
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /**
     * A store of this version, and each one opened again after it, carries the run on: node 0 still holds E, the queue
     * is C, B, A, D; E given back goes first; a batch handed out now and its result are read back.
     */
    static void assertCarriedOn(Supplier<RunStore> reopen) {
        RunStore opened = reopen.get();
        StoredRun run = opened.open(RUN);
        RunRecord record = opened.record(RUN.topic(), 0).orElseThrow();
        assertAll(
                () -> assertEquals(List.of("A", "B", "C", "D", "E", "F"), run.classes()),
                () -> assertEquals(List.of("E"), run.held(0)),
                () -> assertEquals(List.of(), run.held(1)),
                () -> assertEquals(List.of(0), run.holders()),
                () -> assertTrue(run.hasResult("F")),
                () -> assertFalse(run.isQueued("F") || run.isQueued("E")),
                () -> assertEquals(10.0, run.queuedSeconds(), "C, B, A and D"),
                () -> assertEquals(2, run.nextNodeIndex()),
                () -> assertFalse(record.finished(), "5 classes to run"),
                () -> assertEquals(
                        opened.shared() ? List.of() : List.of(0), // a shared store's nodes have rows of their own
                        record.nodes().stream().map(RunRecord.Node::index).toList()));

        run.begin();
        run.releaseAll(0).forEach(run::queueFirst);
        List<String> batch = run.take(8.0);
        run.hold(2, batch);
        run.release(2, "E");
        run.addResult(Result.of("E", "passed", List.of()));
        run.commit().await();

        StoredRun again = reopen.get().open(RUN);
        assertAll(
                () -> assertEquals(List.of("E", "C"), batch, "E first, then the queue's order"),
                () -> assertEquals(List.of(), again.held(0), "node 0's held rows are gone"),
                () -> assertEquals(List.of("C"), again.held(2)),
                () -> assertEquals(List.of(2), again.holders()),
                () -> assertEquals(List.of("B", "A", "D"), again.take(Double.MAX_VALUE), "the queue in its order"));
    }
}
