package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FallbackTest {
    private final List<String> classes = IntStream.rangeClosed(1, 10)
            .mapToObj(i -> "com.acme.T" + (char) ('a' + (i * 7) % 10))
            .toList();

    @Test
    void nodesOfOneBuildShareEveryClassExactlyOnce() {
        List<String> together = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            together.addAll(new Fallback(true, node, 3, false).share(classes));
        }

        assertEquals(
                classes.stream().sorted().toList(), together.stream().sorted().toList());
        assertEquals(
                List.of("com.acme.Ta", "com.acme.Td", "com.acme.Tg", "com.acme.Tj"),
                new Fallback(true, 0, 3, false).share(classes));
    }

    @Test
    void shareIsTheSameWhateverOrderTheClassesWereFoundIn() {
        List<String> reversed = new ArrayList<>(classes);
        java.util.Collections.reverse(reversed);

        assertEquals(new Fallback(true, 1, 4, false).share(classes), new Fallback(true, 1, 4, false).share(reversed));
    }

    @Test
    void unknownNodeRunsEverything() {
        assertEquals(classes.stream().sorted().toList(), new Fallback(true, null, null, false).share(classes));
    }

    @Test
    void refusedWhenOffOrOnARetry() {
        assertNull(new Fallback(true, 0, 2, false).refusal());
        assertTrue(Fallback.OFF.refusal().contains("fastCi.fallback is off"));
        assertTrue(new Fallback(true, 0, 2, true).refusal().contains("CI retry"));
    }

    @Test
    void rejectsANodeOutsideTheRun() {
        assertThrows(IllegalArgumentException.class, () -> new Fallback(true, 2, 2, false));
        assertThrows(IllegalArgumentException.class, () -> new Fallback(true, 0, null, false));
    }
}
