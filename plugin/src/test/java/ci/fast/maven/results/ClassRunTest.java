package ci.fast.maven.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ci.fast.maven.report.ClassResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClassRunTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void refusesARunThatEndsBeforeItStartsNamingTheClass() {
        ClassResult result = ClassResult.builder("com.acme.FooTest").build();

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ClassRun(1, T0, T0.minusMillis(1), result));

        assertEquals(
                "ClassRun of com.acme.FooTest ends at 2026-12-01T09:59:59.999Z, before its start 2026-12-01T10:00:00Z",
                e.getMessage());
    }

    @Test
    void mayStartAndEndAtOnceForAClassNoForkRan() {
        ClassRun run = new ClassRun(
                ClassRun.NO_FORK,
                T0,
                T0,
                ClassResult.builder("com.acme.FooTest").build());

        assertEquals("com.acme.FooTest", run.className());
    }
}
