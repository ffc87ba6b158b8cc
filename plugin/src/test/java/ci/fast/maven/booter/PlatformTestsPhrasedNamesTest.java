package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each test's phrased name, as Surefire's JUnit Platform provider gives it for {@code usePhrasedTestCaseMethodName}:
 * none for a method named by its name, its display name otherwise, after its template's.
 */
class PlatformTestsPhrasedNamesTest {

    /** The sample class the batch runs; not a test of this build (Surefire skips nested classes). */
    static class Named {
        @Test
        void plain() {}

        @Test
        @DisplayName("a named test")
        void named() {}

        @ParameterizedTest
        @ValueSource(ints = {7})
        void add(int value) {}

        @ParameterizedTest(name = "value {0}")
        @DisplayName("named add")
        @ValueSource(ints = {8})
        void namedAdd(int value) {}

        @RepeatedTest(1)
        void repeated() {}

        @Test
        @Disabled("later")
        @DisplayName("a named skipped test")
        void skipped() {}
    }

    @Test
    void namesEachTestAsSurefiresProviderPhrasesIt() throws IOException {
        BatchRun run = BatchRun.of(List.of(Named.class.getName()), 0);

        Map<String, String> phrased = new LinkedHashMap<>();
        run.all(ForkEvent.TestFinished.class)
                .forEach(e -> phrased.put(
                        e.outcome().name(), String.valueOf(e.outcome().phrasedName())));

        assertEquals("null", phrased.get("plain"));
        assertEquals("a named test", phrased.get("named"));
        assertEquals("add(int)[1] 7", phrased.get("add(int)[1]"));
        assertEquals("named add value 8", phrased.get("namedAdd(int)[1]"));
        assertEquals("repeated() repetition 1 of 1", phrased.get("repeated()[1]"));
        assertEquals("a named skipped test", phrased.get("skipped"));
    }
}
