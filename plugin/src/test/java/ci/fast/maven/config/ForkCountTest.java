package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ForkCountTest {
    @ParameterizedTest
    @CsvSource({"1, 1", "3, 3", "' 2 ', 2"})
    void takesAWholeNumberAsIs(String value, int forks) {
        assertEquals(forks, ForkCount.parse(value, 2));
    }

    @Test
    void multipliesForksPerCoreByTheCores() {
        assertEquals(4, ForkCount.parse("2C", 2));
        assertEquals(16, ForkCount.parse("2c", 8));
    }

    @Test
    void roundsAFractionPerCoreDown() {
        assertEquals(1, ForkCount.parse("0.5C", 2));
        assertEquals(2, ForkCount.parse("0.75C", 3));
    }

    @Test
    void neverGivesFewerThanOneForkPerCoreCount() {
        assertEquals(1, ForkCount.parse("0.1C", 2));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "-1", "x", "C", "1.5", "two", "   ", "0C", "-1C", "NaNC", "InfinityC"})
    void refusesWhatIsNoForkCountNamingTheParameterAndTheValue(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForkCount.parse(value, 2));

        assertTrue(e.getMessage().contains("forkCount must be"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }
}
