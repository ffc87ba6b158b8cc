package ci.fast.maven.report;

import static ci.fast.maven.report.Results.CLASS;
import static ci.fast.maven.report.Results.passed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassResultTest {

    @Test
    void countsEachStatusAndRunIncludesSkipped() {
        ClassResult r = Results.mixed("", "");

        assertEquals(4, r.run());
        assertEquals(1, r.failures());
        assertEquals(1, r.errors());
        assertEquals(1, r.skipped());
        assertTrue(r.hasProblems());
    }

    @Test
    void skippedTestsAreNoProblem() {
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(passed("adds", 0), Results.skipped("later", null)))
                .build();

        assertFalse(r.hasProblems());
    }

    @Test
    void copiesTheListSoLaterChangesDoNotLeakIn() {
        List<TestResult> tests = new ArrayList<>(List.of(passed("adds", 0)));
        ClassResult r = ClassResult.builder(CLASS).tests(tests).build();

        tests.add(passed("subtracts", 0));

        assertEquals(1, r.run());
        assertThrows(UnsupportedOperationException.class, () -> r.tests().add(passed("x", 0)));
    }

    @Test
    void rejectsNullOutputNamingTheClass() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> ClassResult.builder(CLASS)
                .tests(List.of())
                .output(null, "")
                .build());

        assertTrue(e.getMessage().contains("stdout") && e.getMessage().contains(CLASS), e.getMessage());
    }

    @Test
    void rejectsNullTestNamingItsIndex() {
        List<TestResult> tests = Arrays.asList(passed("adds", 0), null);

        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> ClassResult.builder(CLASS).tests(tests).build());

        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void testResultRejectsMissingStatus() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> TestResult.builder("adds", CLASS, null)
                .build());

        assertTrue(e.getMessage().contains("status"), e.getMessage());
    }

    @Test
    void splitsTheTestsIntoSetsAsTheirContainersFinishedTheClassTakingTheRest() {
        TestResult outer = passed("outer", 0);
        TestResult inner = Results.failed("inner", "no", "trace");
        TestResult deepest = passed("deepest", 0);
        TestResult lost = Results.error("lost", "Crash", "gone", "gone");
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(outer, inner, deepest, lost))
                .seconds(2)
                .sets(List.of(
                        new TestSet("Inner", "Inner", "Inner", 2, 0.5),
                        new TestSet("Deeper", "Deeper", "Deeper", 3, 0.25),
                        new TestSet(CLASS, CLASS, CLASS, 3, 2)))
                .build();

        List<ClassResult> sets = r.testSets();

        assertEquals(
                List.of("Inner", "Deeper", CLASS),
                sets.stream().map(ClassResult::className).toList());
        assertEquals(List.of(outer, inner), sets.get(0).tests());
        assertEquals(0.5, sets.get(0).seconds());
        assertEquals(List.of(deepest), sets.get(1).tests());
        assertEquals(List.of(lost), sets.get(2).tests(), "a test reported after the class's set ended is its own");
        assertEquals(List.of(lost), r.ownSet().tests());
        assertEquals(2, r.ownSet().seconds());
        assertEquals(4, r.run(), "the run counts every test");
    }

    @Test
    void isOneSetOfAllItsTestsWhenItsContainersAreUnknown() {
        ClassResult r = ClassResult.builder(CLASS)
                .tests(List.of(passed("adds", 0.5)))
                .seconds(1)
                .build();

        assertEquals(1, r.testSets().size());
        assertEquals(CLASS, r.testSets().get(0).className());
        assertEquals(r.tests(), r.ownSet().tests());
    }
}
