package ci.fast.maven.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOrderTest {
    private static final List<String> FOUND = List.of("b.B", "a.A", "c.C");
    private static final Clock CLOCK = Clock.systemDefaultZone();

    @Test
    void ordersAsSurefireNamesThem() {
        assertEquals(FOUND, RunOrder.parse(null, null).apply(FOUND, CLOCK));
        assertEquals(FOUND, RunOrder.parse("filesystem", null).apply(FOUND, CLOCK));
        assertEquals(
                List.of("a.A", "b.B", "c.C"),
                RunOrder.parse("alphabetical", null).apply(FOUND, CLOCK));
        assertEquals(
                List.of("c.C", "b.B", "a.A"),
                RunOrder.parse("ReverseAlphabetical", null).apply(FOUND, CLOCK));
    }

    @Test
    void hourlyIsAlphabeticalOnEvenHoursAndReverseOnOdd() {
        ZoneId zone = ZoneId.systemDefault();
        Instant even = Instant.parse("2026-12-01T00:00:00Z");
        while (even.atZone(zone).getHour() % 2 != 0) {
            even = even.plusSeconds(3600);
        }
        RunOrder hourly = RunOrder.parse("hourly", null);

        assertEquals(List.of("a.A", "b.B", "c.C"), hourly.apply(FOUND, Clock.fixed(even, zone)));
        assertEquals(List.of("c.C", "b.B", "a.A"), hourly.apply(FOUND, Clock.fixed(even.plusSeconds(3600), zone)));
    }

    @Test
    void randomRepeatsForItsSeed() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add("p.Test" + i);
        }
        List<String> first = RunOrder.parse("random", 42L).apply(many, CLOCK);

        assertEquals(first, RunOrder.parse("random", 42L).apply(many, CLOCK));
        assertNotEquals(many, first);
        assertEquals(many.size(), first.size());
        assertTrue(first.containsAll(many));
    }

    @Test
    void refusesAnOrderSurefireDoesNotKnow() {
        SettingsException e = assertThrows(SettingsException.class, () -> RunOrder.parse("shortestfirst", null));

        assertTrue(e.getMessage().startsWith("runOrder 'shortestfirst' is not one of alphabetical"), e.getMessage());
    }
}
