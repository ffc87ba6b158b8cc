package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ci.fast.maven.booter.samples.JUnit4Samples;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;
import org.junit.runners.Parameterized;

/**
 * fastCi.splitClasses on the fork's side, through the real JUnit Platform: a part runs its whole methods only (every
 * invocation of a parameterized one) and reports under its own key; a class that finishes sends its methods' times
 * only when it may be split; a class that may no longer be split runs whole in its first part.
 */
class PlatformTestsSplitTest {
    /** Splittable: four methods, one parameterized. Not a test of this build (Surefire skips nested classes). */
    static class Plain {
        @Test
        void alpha() {}

        @Test
        void bravo() {}

        @Test
        void charlie() {}

        @ParameterizedTest
        @ValueSource(ints = {1, 2})
        void delta(int n) {}
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class Ordered {
        @Test
        void first() {}

        @Test
        void second() {}
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class OneInstance {
        @Test
        void first() {}

        @Test
        void second() {}
    }

    static class WithNested {
        @Test
        void outer() {}

        @Nested
        class Inner {
            @Test
            void inner() {}
        }
    }

    static class FailsAsAWhole {
        @BeforeAll
        static void fail() {
            throw new IllegalStateException("no database");
        }

        @Test
        void first() {}

        @Test
        void second() {}
    }

    @RunWith(JUnit4.class)
    public static class JUnit4Default {
        @org.junit.Test
        public void first() {}

        @org.junit.Test
        public void second() {}
    }

    @RunWith(Parameterized.class)
    public static class JUnit4Parameterized {
        @Parameterized.Parameters
        public static List<Object[]> data() {
            return List.of(new Object[] {1}, new Object[] {2});
        }

        public JUnit4Parameterized(int n) {}

        @org.junit.Test
        public void first() {}
    }

    @Test
    void eachPartRunsItsWholeMethodsUnderItsOwnKey() throws IOException {
        String plain = Plain.class.getName();
        String first = new SplitKey(plain, 1, 2, List.of("alpha", "delta"), false).toString();
        String rest = new SplitKey(plain, 2, 2, List.of("alpha", "delta"), true).toString();
        String other = Ordered.class.getName();

        BatchRun run = BatchRun.of(List.of(first, rest, other), 0);

        assertEquals(Set.of(first, rest, other), run.wire().keySet());
        assertEquals(Set.of("alpha()", "delta(int)[1]", "delta(int)[2]"), wireNames(run, first));
        assertEquals(Set.of("bravo()", "charlie()"), wireNames(run, rest));
        assertEquals(Set.of("first()", "second()"), wireNames(run, other));
        assertEquals(3, tests(run, first).size(), "alpha and both invocations of delta");
        tests(run, first)
                .forEach(t -> assertEquals(plain, t.outcome().reportClass(), "a part's tests are its class's"));
        Map<String, Map<String, Double>> methods = methodsByKey(run);
        assertEquals(Set.of("alpha", "delta"), methods.get(first).keySet());
        assertEquals(Set.of("bravo", "charlie"), methods.get(rest).keySet());
    }

    @Test
    void aClassSendsItsMethodsTimesOnlyWhenItMayBeSplit() throws IOException {
        List<Class<?>> classes = List.of(
                Plain.class,
                Ordered.class,
                OneInstance.class,
                WithNested.class,
                FailsAsAWhole.class,
                JUnit4Default.class,
                JUnit4Parameterized.class,
                JUnit4Samples.AllLegacy.class,
                JUnit4Samples.AllConfigured.class);

        Map<String, Map<String, Double>> methods =
                methodsByKey(BatchRun.of(classes.stream().map(Class::getName).toList(), 0));

        assertEquals(
                Set.of("alpha", "bravo", "charlie", "delta"),
                methods.get(Plain.class.getName()).keySet());
        assertEquals(
                Set.of("first", "second"),
                methods.get(JUnit4Default.class.getName()).keySet());
        for (Class<?> whole : List.of(
                Ordered.class,
                OneInstance.class,
                WithNested.class,
                FailsAsAWhole.class,
                JUnit4Parameterized.class,
                // JUnit 3 suite()s: their tests are other classes' methods, which no part of them could select.
                JUnit4Samples.AllLegacy.class,
                JUnit4Samples.AllConfigured.class)) {
            assertEquals(Map.of(), methods.get(whole.getName()), whole.getSimpleName() + " may not be split");
        }
    }

    @Test
    void aClassThatMayNoLongerBeSplitRunsWholeInItsFirstPart() throws IOException {
        String ordered = Ordered.class.getName();
        String first = new SplitKey(ordered, 1, 2, List.of("second"), false).toString();
        String rest = new SplitKey(ordered, 2, 2, List.of("second"), true).toString();

        BatchRun run = BatchRun.of(List.of(first, rest), 0);

        assertEquals(Set.of("first()", "second()"), wireNames(run, first));
        assertEquals(Set.of(), wireNames(run, rest));
        assertEquals(Map.of(first, Map.of(), rest, Map.of()), methodsByKey(run), "both finish, without method times");
    }

    @Test
    void aPartWhoseMethodsAreGoneFinishesWithNoTests() throws IOException {
        String plain = Plain.class.getName();
        String gone = new SplitKey(plain, 1, 2, List.of("renamedSince"), false).toString();

        BatchRun run = BatchRun.of(List.of(gone), 0);

        assertEquals(Map.of(gone, List.of()), run.wire());
        assertEquals(Map.of(gone, Map.of()), methodsByKey(run), "it finishes, so that its class completes");
    }

    private static Set<String> wireNames(BatchRun run, String key) {
        Set<String> names = new TreeSet<>();
        tests(run, key).forEach(t -> names.add(t.outcome().wireName()));
        return names;
    }

    private static List<ForkEvent.TestFinished> tests(BatchRun run, String key) {
        return run.all(ForkEvent.TestFinished.class).stream()
                .filter(t -> t.key().equals(key))
                .toList();
    }

    private static Map<String, Map<String, Double>> methodsByKey(BatchRun run) {
        Map<String, Map<String, Double>> methods = new HashMap<>();
        run.all(ForkEvent.ClassFinished.class).forEach(f -> methods.put(f.key(), f.methods()));
        return methods;
    }
}
