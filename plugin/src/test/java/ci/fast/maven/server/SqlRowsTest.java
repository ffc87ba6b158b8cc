package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ci.fast.maven.server.SqlStore.Write;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run of the same one-row write becomes writes of 32, 16, ... rows, in order; other writes stay as they are. */
class SqlRowsTest {
    private static final String TOPIC = "test_orchestrator:junit-rows";

    @Test
    void mergesARunOfEnqueuedClassesInPartsOfPowersOfTwoKeepingTheirOrder() {
        List<Write> writes = new ArrayList<>();
        for (int i = 0; i < 37; i++) {
            writes.add(Write.of(WrittenRun.ENQUEUED, TOPIC, "C" + i, (long) i, 1.5, i + 1L));
        }

        List<Write> merged = SqlRows.merge(writes);

        assertEquals(List.of(32, 4, 1), merged.stream().map(SqlRowsTest::rows).toList());
        assertEquals(
                "INSERT INTO run_classes (topic, class_name, position, estimate, queue_position) VALUES"
                        + " (?, ?, ?, ?, ?), (?, ?, ?, ?, ?), (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)",
                merged.get(1).sql());
        assertArrayEquals(
                new Object[] {
                    TOPIC, "C32", 32L, 1.5, 33L, TOPIC, "C33", 33L, 1.5, 34L, TOPIC, "C34", 34L, 1.5, 35L, TOPIC, "C35",
                    35L, 1.5, 36L
                },
                merged.get(1).args());
        assertEquals(writes.get(36), merged.get(2));
    }

    @Test
    void mergesTheDeletesOfOneRunsQueueIntoOneInListAndNeverAcrossOtherWrites() {
        Write other = Write.of("UPDATE runs SET duplicates = ? WHERE topic = ?", 1, TOPIC);
        List<Write> writes = List.of(
                Write.of(WrittenRun.UNQUEUE, TOPIC, "A"),
                Write.of(WrittenRun.UNQUEUE, TOPIC, "B"),
                other,
                Write.of(WrittenRun.UNQUEUE, TOPIC, "C"),
                Write.of(WrittenRun.UNQUEUE, "test_orchestrator:junit-other", "D"));

        List<Write> merged = SqlRows.merge(writes);

        assertEquals(5 - 1, merged.size());
        assertEquals(
                "DELETE FROM queued WHERE topic = ? AND class_name IN (?, ?)",
                merged.get(0).sql());
        assertArrayEquals(new Object[] {TOPIC, "A", "B"}, merged.get(0).args());
        assertEquals(List.of(other, writes.get(3), writes.get(4)), merged.subList(1, 4));
    }

    @Test
    void mergesARunOfTimingsIntoOneUpsert() {
        List<Write> writes = List.of(
                Write.of(WrittenTimings.RECORD, "junit", "A", 1.5, 0),
                Write.of(WrittenTimings.RECORD, "junit", "B", 2.5, 1));

        List<Write> merged = SqlRows.merge(writes);

        assertEquals(List.of(2), merged.stream().map(SqlRowsTest::rows).toList());
        assertEquals(
                "INSERT INTO timings (run_key, class_name, seconds, failed) VALUES (?, ?, ?, ?), (?, ?, ?, ?)"
                        + " ON CONFLICT (run_key, class_name) DO UPDATE SET seconds = excluded.seconds,"
                        + " failed = excluded.failed",
                merged.get(0).sql());
        assertArrayEquals(
                new Object[] {"junit", "A", 1.5, 0, "junit", "B", 2.5, 1},
                merged.get(0).args());
    }

    private static int rows(Write write) {
        return write.sql().split("\\(\\?", -1).length - 1; // each row of an insert opens with "(?"
    }
}
