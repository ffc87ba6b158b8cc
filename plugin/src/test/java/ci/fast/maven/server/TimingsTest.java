package ci.fast.maven.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingsTest {
    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void savesAndLoadsEachClassesLastDuration() throws Exception {
        Path file = dir.resolve("cache/timings.json");
        Timings timings = Timings.load(file, warnings::add);
        timings.record("com.acme.ATest", 1.5);
        timings.record("com.acme.BTest", 0.25);
        timings.record("com.acme.ATest", 2.0);

        timings.save();

        assertEquals(
                Map.of("com.acme.ATest", 2.0, "com.acme.BTest", 0.25),
                Timings.load(file, warnings::add).snapshot());
        assertEquals(List.of(), warnings);
    }

    @Test
    void keepsWhichClassesFailedInTheirLastRunInAFormTheEarlierVersionsStillRead() throws Exception {
        Path file = dir.resolve("timings.json");
        Timings timings = Timings.load(file, warnings::add);
        timings.record("com.acme.ATest", 1.5, true);
        timings.record("com.acme.BTest", 0.25, true);
        timings.record("com.acme.BTest", 0.5, false);
        timings.save();

        assertEquals(
                "{\"com.acme.ATest\":{\"seconds\":1.5,\"failed\":true},\"com.acme.BTest\":0.5}",
                Files.readString(file, StandardCharsets.UTF_8).strip(),
                "a number for a class that passed, as before: only a failed class takes the object form");
        Timings loaded = Timings.load(file, warnings::add);
        assertEquals(Map.of("com.acme.ATest", 1.5, "com.acme.BTest", 0.5), loaded.snapshot());
        assertEquals(Set.of("com.acme.ATest"), loaded.failed(List.of("com.acme.ATest", "com.acme.BTest", "New")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void takesTheMavenSidesWallTimesWithoutForgettingWhatFailed() {
        Timings timings = Timings.of(Map.of());
        timings.record("A", 1.0, true);
        timings.record("B", 1.0, false);

        timings.recordAll(Map.of("A", 2.5, "B", 3.5));

        assertEquals(Map.of("A", 2.5, "B", 3.5), timings.snapshot());
        assertEquals(Set.of("A"), timings.failed(List.of("A", "B")));
    }

    @Test
    void keepsEachClassesContextBesideItsDuration() throws Exception {
        Path file = dir.resolve("timings.json");
        Timings timings = Timings.load(file, warnings::add);
        timings.record("A", 1.0, true);
        timings.record("B", 2.0);
        timings.record("C", 3.0);
        timings.recordContexts(Map.of("A", "spring:aaa", "B", "spring:bbb"));
        timings.save();
        Timings loaded = Timings.load(file, warnings::add);
        loaded.recordContexts(Map.of("B", "")); // a run that names none for B leaves the one it had

        assertEquals(Map.of("A", "spring:aaa", "B", "spring:bbb"), loaded.contexts(List.of("A", "B", "C")));
        assertEquals(Set.of("A"), loaded.failed(List.of("A", "B", "C")));
        assertEquals(Map.of("A", 1.0, "B", 2.0, "C", 3.0), loaded.snapshot());
        assertEquals(List.of(), warnings);
    }

    @Test
    void ignoresACorruptFileWithOneWarningAndRewritesIt() throws Exception {
        Path file = dir.resolve("timings.json");
        Files.writeString(file, "{\"com.acme.ATest\": 1.0,", StandardCharsets.UTF_8);

        Timings timings = Timings.load(file, warnings::add);

        assertEquals(Map.of(), timings.snapshot());
        assertEquals(1, warnings.size());
        assertTrue(
                warnings.get(0).contains(file.toString()) && warnings.get(0).contains("rewritten"), warnings::toString);
        timings.record("com.acme.ATest", 3.0);
        timings.save();
        assertEquals(
                Map.of("com.acme.ATest", 3.0), Timings.load(file, warnings::add).snapshot());
    }

    @Test
    void skipsEntriesThatAreNoDuration() throws Exception {
        Path file = dir.resolve("timings.json");
        Files.writeString(file, "{\"a\": 1.0, \"b\": \"slow\", \"c\": -2}", StandardCharsets.UTF_8);

        assertEquals(Map.of("a", 1.0), Timings.load(file, warnings::add).snapshot());
    }

    @Test
    void estimatesAClassWithoutHistoryAsTheMedianOfThoseWithOne() {
        Timings timings = Timings.of(Map.of("a", 1.0, "b", 9.0, "c", 3.0, "elsewhere", 100.0));

        Map<String, Double> estimates = timings.estimates(List.of("a", "b", "c", "new"));

        assertEquals(3.0, estimates.get("new"), "the median of a, b, c; not of classes outside the run");
        assertEquals(9.0, estimates.get("b"));
    }

    @Test
    void estimatesEveryClassAlikeWithoutAnyHistory() {
        Map<String, Double> estimates = Timings.of(Map.of()).estimates(List.of("a", "b"));

        assertEquals(Map.of("a", Timings.NO_HISTORY, "b", Timings.NO_HISTORY), estimates);
    }

    @Test
    void keepsEachSplittableClassesMethodTimesInAFormTheEarlierVersionsStillRead() throws Exception {
        Path file = dir.resolve("timings.json");
        Timings timings = Timings.load(file, warnings::add);
        timings.record("com.acme.ATest", 3.0);
        timings.record("com.acme.BTest", 0.5);
        timings.record("com.acme.CTest", 1.0);
        timings.recordMethods(Map.of("com.acme.ATest", Map.of("adds", 1.0, "divides", 2.0)));
        timings.recordMethods(Map.of("com.acme.CTest", Map.of("once", 1.0)));
        timings.recordMethods(Map.of("com.acme.CTest", Map.of())); // it may no longer be split

        timings.save();

        String json = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertEquals(
                "{\"com.acme.ATest\":{\"seconds\":3.0,\"methods\":{\"adds\":1.0,\"divides\":2.0}},"
                        + "\"com.acme.BTest\":0.5,\"com.acme.CTest\":1.0}",
                json);
        Timings loaded = Timings.load(file, warnings::add);
        assertEquals(Map.of("adds", 1.0, "divides", 2.0), loaded.methods("com.acme.ATest"));
        assertEquals(Map.of(), loaded.methods("com.acme.BTest"));
        assertEquals(Map.of(), loaded.methods("com.acme.CTest"));
        // What an earlier version reads of it: each class's seconds, the object form's too.
        assertEquals(Map.of("com.acme.ATest", 3.0, "com.acme.BTest", 0.5, "com.acme.CTest", 1.0), loaded.snapshot());
        assertEquals(List.of(), warnings);
    }
}
