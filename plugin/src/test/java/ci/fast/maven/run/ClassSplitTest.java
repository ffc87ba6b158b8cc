package ci.fast.maven.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ci.fast.maven.booter.SplitKey;
import ci.fast.maven.server.Timings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which classes the plan splits, into how many parts, and which methods each part runs. */
class ClassSplitTest {
    private static final String BIG = "com.acme.BigTest";

    @Test
    void aClassOfTwiceItsFairShareRunsInPartsOfHalfAShare() {
        Timings timings =
                Timings.of(Map.of(BIG, 8.0, "com.acme.ATest", 2.0, "com.acme.BTest", 2.0, "com.acme.CTest", 4.0));
        timings.recordMethods(Map.of(BIG, methods("a", 1.0, "b", 1.0, "c", 1.0, "d", 1.0, "e", 2.0, "f", 2.0)));

        // 16 s on 4 forks: a fair share of 4 s, which the 8 s class holds twice: 4 parts of 2 s.
        ClassSplit split =
                ClassSplit.of(List.of(BIG, "com.acme.ATest", "com.acme.BTest", "com.acme.CTest"), timings, 4);

        assertEquals(
                List.of(
                        BIG + "#1/4:e",
                        BIG + "#2/4:f",
                        BIG + "#3/4:a,c",
                        BIG + "#4/4!a,c,e,f",
                        "com.acme.ATest",
                        "com.acme.BTest",
                        "com.acme.CTest"),
                split.keys());
        assertEquals(
                Map.of(BIG + "#1/4:e", 2.0, BIG + "#2/4:f", 2.0, BIG + "#3/4:a,c", 2.0, BIG + "#4/4!a,c,e,f", 2.0),
                split.estimates());
        SplitKey rest = SplitKey.parse(split.keys().get(3));
        assertEquals(
                List.of("b", "d"),
                List.of("a", "b", "c", "d", "e", "f").stream()
                        .filter(rest::runs)
                        .toList());
    }

    @Test
    void noMorePartsThanForksOrMethods() {
        Timings timings = Timings.of(Map.of(BIG, 9.0, "com.acme.ATest", 1.0));
        timings.recordMethods(Map.of(BIG, methods("a", 3.0, "b", 3.0, "c", 3.0)));

        // 10 s on 5 forks: a share of 2 s; the 9 s class would make 9 parts of a half share, but has 3 methods.
        assertEquals(
                List.of(BIG + "#1/3:a", BIG + "#2/3:b", BIG + "#3/3!a,b", "com.acme.ATest"),
                ClassSplit.of(List.of(BIG, "com.acme.ATest"), timings, 5).keys());
        // 10 s on 2 forks: a share of 5 s; 4 half shares, but 2 forks.
        assertEquals(
                List.of(BIG + "#1/2:a,c", BIG + "#2/2!a,c", "com.acme.ATest"),
                ClassSplit.of(List.of(BIG, "com.acme.ATest"), timings, 2).keys());
    }

    @Test
    void splitsNoClassWithinItsShareNorOneWithoutMethodTimesNorOnOneFork() {
        Timings timings = Timings.of(Map.of(BIG, 8.0, "com.acme.ATest", 1.0, "com.acme.LongTest", 8.0));
        timings.recordMethods(Map.of(BIG, methods("a", 4.0, "b", 4.0), "com.acme.ATest", methods("x", 0.5, "y", 0.5)));
        List<String> classes = List.of(BIG, "com.acme.ATest", "com.acme.LongTest");

        assertEquals(classes, ClassSplit.of(classes, timings, 1).keys(), "one fork: nothing to share");
        assertFalse(ClassSplit.of(classes, timings, 1).splitsAny());
        // 17 s on 2 forks: a share of 8.5 s, which no class exceeds.
        assertEquals(classes, ClassSplit.of(classes, timings, 2).keys());
        // 17 s on 4 forks: a share of 4.25 s; LongTest has no method times (not splittable, or never ran so).
        assertEquals(
                List.of(BIG + "#1/2:a", BIG + "#2/2!a", "com.acme.ATest", "com.acme.LongTest"),
                ClassSplit.of(classes, timings, 4).keys());
    }

    @Test
    void methodsWithoutTimesAreDealtEvenlyByCount() {
        assertEquals(
                List.of(List.of("a", "d", "g"), List.of("b", "e"), List.of("c", "f")),
                ClassSplit.deal(methods("a", 0.0, "b", 0.0, "c", 0.0, "d", 0.0, "e", 0.0, "f", 0.0, "g", 0.0), 3));
    }

    @Test
    void dealsTheLongestMethodsFirstEachToThePartWithTheLeast() {
        assertEquals(
                List.of(List.of("a"), List.of("b", "c", "d")),
                ClassSplit.deal(methods("a", 5.0, "b", 2.0, "c", 2.0, "d", 1.0), 2));
    }

    private static Map<String, Double> methods(Object... nameThenSeconds) {
        Map<String, Double> methods = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSeconds.length; i += 2) {
            methods.put((String) nameThenSeconds[i], (Double) nameThenSeconds[i + 1]);
        }
        return methods;
    }
}
