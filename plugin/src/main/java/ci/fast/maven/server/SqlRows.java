package ci.fast.maven.server;

import ci.fast.maven.server.SqlStore.Write;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns a run of the same one-row write into writes of several rows each ({@code INSERT ... VALUES (...), (...)},
 * {@code DELETE ... IN (...)}): a database pays for a statement several times what it pays for a row, and a deq's
 * unit of work records a batch of classes one row at a time, and their timings. Each merged
 * write has 2, 4, ... {@value #MOST_ROWS} rows, so that a few shapes are prepared; the writes stay in their order, and
 * SQLite writes a merged one's rows in turn, as the writes it replaces would have been.
 *
 * <p>For SQLite alone: PostgreSQL refuses an {@code ON CONFLICT DO UPDATE} whose rows name one key twice (a class's
 * timings recorded twice in one group), which SQLite takes in turn, the last row winning.
 */
final class SqlRows {
    /** The most rows one merged statement writes. */
    static final int MOST_ROWS = 32;

    private static final Map<String, Shape> SHAPES = Map.of(
            WrittenRun.QUEUE, Shape.insert(WrittenRun.QUEUE),
            WrittenRun.ENQUEUED, Shape.insert(WrittenRun.ENQUEUED),
            WrittenRun.RESULT, Shape.insert(WrittenRun.RESULT),
            WrittenTimings.RECORD, Shape.insert(WrittenTimings.RECORD),
            WrittenRun.UNQUEUE, new Shape("DELETE FROM queued WHERE topic = ? AND class_name IN (", "?", ")", 1),
            WrittenRun.UNPLACE,
                    new Shape(
                            "UPDATE run_classes SET queue_position = NULL WHERE topic = ? AND class_name IN (",
                            "?",
                            ")",
                            1));

    private SqlRows() {}

    /** {@code writes} with each run of a mergeable write merged, in order. */
    static List<Write> merge(List<Write> writes) {
        List<Write> merged = new ArrayList<>(writes.size());
        int at = 0;
        while (at < writes.size()) {
            Write first = writes.get(at);
            Shape shape = SHAPES.get(first.sql());
            int end = at + 1;
            if (shape != null) {
                while (end < writes.size() && end - at < MOST_ROWS && shape.joins(first, writes.get(end))) {
                    end++;
                }
            }
            int rows = Integer.highestOneBit(end - at);
            merged.add(rows == 1 ? first : shape.merged(writes.subList(at, at + rows)));
            at += rows;
        }
        return merged;
    }

    /**
     * A one-row write's SQL cut where its rows go.
     *
     * @param head the SQL before the rows
     * @param row one row's placeholders
     * @param tail the SQL after the rows
     * @param shared how many leading arguments are not the row's but the statement's (they must be equal to merge)
     */
    private record Shape(String head, String row, String tail, int shared) {
        /** {@code INSERT ... VALUES (?, ...) [ON CONFLICT ...]} cut at its one row. */
        static Shape insert(String sql) {
            int values = sql.indexOf(" VALUES (") + " VALUES ".length();
            int end = sql.indexOf(')', values) + 1;
            return new Shape(sql.substring(0, values), sql.substring(values, end), sql.substring(end), 0);
        }

        boolean joins(Write first, Write next) {
            return first.sql().equals(next.sql()) && Arrays.equals(first.args(), 0, shared, next.args(), 0, shared);
        }

        Write merged(List<Write> writes) {
            StringBuilder sql = new StringBuilder(head);
            List<Object> args =
                    new ArrayList<>(Arrays.asList(writes.get(0).args()).subList(0, shared));
            for (int i = 0; i < writes.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
                Object[] one = writes.get(i).args();
                args.addAll(Arrays.asList(one).subList(shared, one.length));
            }
            return new Write(sql.append(tail).toString(), args.toArray());
        }
    }
}
