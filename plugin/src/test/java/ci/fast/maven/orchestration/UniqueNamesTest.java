package ci.fast.maven.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {
    @Test
    void keepsDistinctNamesInOrder() {
        assertEquals(List.of("b()", "a()", "c()"), UniqueNames.of(List.of("b()", "a()", "c()")));
    }

    @Test
    void numbersRepeatsFromTwo() {
        assertEquals(List.of("x", "x #2", "y", "x #3"), UniqueNames.of(List.of("x", "x", "y", "x")));
    }

    @Test
    void skipsANumberAlreadyTakenByAnotherTest() {
        assertEquals(List.of("x", "x #2", "x #3"), UniqueNames.of(List.of("x", "x #2", "x")));
    }

    @Test
    void renamesNamesOfTheEntrysOwnFields() {
        assertEquals(
                List.of("file_status #2", "test_count #2", "test_counters #2", "test_count #3"),
                UniqueNames.of(List.of("file_status", "test_count", "test_counters", "test_count")));
    }

    @Test
    void returnsNothingForNoNames() {
        assertEquals(List.of(), UniqueNames.of(List.of()));
    }
}
