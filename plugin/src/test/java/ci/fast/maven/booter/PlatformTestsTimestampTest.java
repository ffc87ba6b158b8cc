package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Each test's outcome carries when it started by the fork's clock, for Surefire's {@code reportTestTimestamp}. */
class PlatformTestsTimestampTest {

    /** The sample class the batch runs; not a test of this build (Surefire skips nested classes). */
    static class Stamped {
        @Test
        void passes() {}

        @Test
        void assumes() {
            Assumptions.assumeTrue(false, "not here");
        }

        @Test
        @Disabled("later")
        void disabled() {}
    }

    @Test
    void stampsEveryTestWithinTheRunPassedDisabledOrAborted() throws IOException {
        long before = System.currentTimeMillis();
        BatchRun run = BatchRun.of(List.of(Stamped.class.getName()), 0);
        long after = System.currentTimeMillis();

        Map<String, Long> started = run.all(ForkEvent.TestFinished.class).stream()
                .collect(Collectors.toMap(
                        e -> e.outcome().name(), e -> e.outcome().startedAt()));

        assertEquals(3, started.size(), started.toString());
        started.forEach((name, at) -> assertTrue(
                // The start is the end less the test's seconds, rounded to the millisecond.
                at >= before - 1 && at <= after, name + " started at " + at + ", not in " + before + ".." + after));
    }
}
