package ci.fast.maven.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReplacementLineTest {
    @Test
    void namesEachReplacedExecutionAndHowToGetSurefireBack() {
        assertEquals(
                "fast-ci runs in place of Surefire and Failsafe in 2 executions: a (default-test), b (slow)"
                        + " (-DfastCi.enabled=false runs them).",
                ReplacementLine.of(List.of("a (default-test)", "b (slow)")));
    }

    @Test
    void aLargeReactorStaysOneShortLine() {
        List<String> many = IntStream.range(0, 25).mapToObj(i -> "m" + i).toList();

        String line = ReplacementLine.of(many);

        assertEquals(true, line.contains("in 25 executions: m0, m1,"));
        assertEquals(true, line.contains("m9 and 15 more"));
        assertEquals(false, line.contains("m10"));
    }

    @Test
    void saysSoWhenNothingWasReplaced() {
        assertEquals(
                "fast-ci: no module runs maven-surefire-plugin:test or maven-failsafe-plugin; nothing replaced.",
                ReplacementLine.of(List.of()));
    }
}
