package ci.fast.maven.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads a {@link RunRecord} out of the tables of schema.sql, which both durable stores share: a few counts, then the
 * results after a position, so that a dashboard that follows a run reads each result once. The counts come first: a
 * run read as finished has every result it will have on the database before its results are read, even when the
 * queries are transactions of their own.
 */
final class RunRecords {
    /**
     * The classes enqueued and still to run, without a result: those with a place in the queue (a held one keeps its
     * place, QueueRows), or held in a row of an earlier version's.
     */
    private static final String PENDING = "SELECT COUNT(*) FROM run_classes c WHERE c.topic = ?"
            + " AND (c.queue_position IS NOT NULL"
            + " OR EXISTS (SELECT 1 FROM queued q WHERE q.topic = c.topic AND q.class_name = c.class_name)"
            + " OR EXISTS (SELECT 1 FROM held h WHERE h.topic = c.topic AND h.class_name = c.class_name))"
            + " AND NOT EXISTS (SELECT 1 FROM results r WHERE r.topic = c.topic AND r.class_name = c.class_name)";

    /**
     * The nodes that hold a class without a result: after a restart, the nodes the rules wait for. A batches row lives
     * only while its node holds one of its classes without a result (QueueRows); an earlier version's held rows may be
     * left for classes with one.
     */
    private static final String HOLDERS = "SELECT node FROM batches WHERE topic = ?"
            + " UNION SELECT h.node FROM held h WHERE h.topic = ?"
            + " AND NOT EXISTS (SELECT 1 FROM results r WHERE r.topic = h.topic AND r.class_name = h.class_name)";

    private static final String RESULTS = "SELECT class_name, status, seconds, lost, tests, context, node, started_at,"
            + " ended_at, position FROM results WHERE topic = ? AND position > ? ORDER BY position";

    /** A query on the store, each row handed to the callback; {@link SqlStore#read} and {@link PgStore#read}. */
    @FunctionalInterface
    interface Reads {
        void read(String sql, List<Object> args, SqlStore.Row row);
    }

    /** Where the store keeps which nodes are still of a run: its own table, or only what they hold. */
    @FunctionalInterface
    interface NodeRows {
        List<RunRecord.Node> nodes(Reads reads, String topic);

        /** Whether the rows say which nodes are connected ({@link RunRecord#connections}). */
        default boolean connections() {
            return true;
        }

        /** A store of one process: a node that holds a class without a result is away until it rejoins. */
        NodeRows HOLDERS_AWAY = new NodeRows() {
            @Override
            public List<RunRecord.Node> nodes(Reads reads, String topic) {
                List<RunRecord.Node> nodes = new ArrayList<>();
                reads.read(HOLDERS, List.of(topic, topic), row -> nodes.add(new RunRecord.Node(row.getInt(1), true)));
                return nodes;
            }

            @Override
            public boolean connections() {
                return false;
            }
        };

        /** The nodes table of a store that several processes share, a node of a dead process taken as away. */
        static NodeRows table(Predicate<String> alive) {
            return (reads, topic) -> {
                List<RunRecord.Node> nodes = new ArrayList<>();
                reads.read(
                        "SELECT node, replica, away_since FROM nodes WHERE topic = ? ORDER BY node",
                        List.of(topic),
                        row -> nodes.add(new RunRecord.Node(
                                row.getInt(1), row.getLong(3) != 0 || !alive.test(row.getString(2)))));
                return nodes;
            };
        }
    }

    private RunRecords() {}

    /** The run of {@code topic} with its results after {@code after}; empty when the store has no such run. */
    static Optional<RunRecord> read(Reads reads, NodeRows nodeRows, String topic, long after) {
        String[] runKey = {null};
        long[] counters = {0, 0, 0}; // enqueued, enqueued at, duplicates
        reads.read(
                "SELECT run_key, enqueued, enqueued_at, duplicates FROM runs WHERE topic = ?", List.of(topic), row -> {
                    runKey[0] = row.getString(1);
                    counters[0] = row.getLong(2);
                    counters[1] = row.getLong(3);
                    counters[2] = row.getLong(4);
                });
        if (runKey[0] == null) {
            return Optional.empty();
        }
        int[] classes = {0};
        reads.read(
                "SELECT COUNT(*) FROM run_classes WHERE topic = ?", List.of(topic), row -> classes[0] = row.getInt(1));
        int[] pending = {0};
        reads.read(PENDING, List.of(topic), row -> pending[0] = row.getInt(1));
        List<RunRecord.Node> nodes = nodeRows.nodes(reads, topic);
        List<RunRecord.Placed> results = new ArrayList<>();
        long[] position = {after};
        reads.read(RESULTS, List.of(topic, after), row -> {
            Result result = new Result(
                    row.getString(1),
                    row.getString(2),
                    row.getDouble(3),
                    ResultTests.decode(row.getString(5)),
                    row.getLong(4) != 0,
                    row.getString(6));
            long node = row.getLong(7);
            int index = row.wasNull() ? Placements.NO_NODE : (int) node;
            results.add(new RunRecord.Placed(result, index, row.getLong(8), row.getLong(9)));
            position[0] = Math.max(position[0], row.getLong(10));
        });
        boolean finished = counters[0] != 0 && pending[0] == 0;
        return Optional.of(new RunRecord(
                new RunId(topic, runKey[0]),
                counters[0] != 0 ? counters[1] : 0,
                classes[0],
                (int) counters[2],
                finished,
                nodes,
                nodeRows.connections(),
                results,
                position[0]));
    }
}
