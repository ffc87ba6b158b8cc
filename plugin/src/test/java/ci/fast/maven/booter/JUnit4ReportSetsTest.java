package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ci.fast.maven.booter.samples.JUnit4Samples;
import ci.fast.maven.booter.samples.NgNestedSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which report a JUnit 4 class's tests go to, run through the real Vintage engine: with Surefire's JUnit 4 provider
 * all that a class ran counts in its one test set, each test keeping its own class as classname; with its JUnit
 * Platform provider every class container below it is a test set of its own. And a TestNG class's static nested
 * class runs, reported with its outer class, as Surefire's TestNG provider reports it.
 */
class JUnit4ReportSetsTest {
    private static final String BOTH = JUnit4Samples.Both.class.getName();
    private static final String FIRST = JUnit4Samples.First.class.getName();
    private static final String SECOND = JUnit4Samples.Second.class.getName();

    @Test
    void aSuiteIsOneTestSetOfItsMembersTestsUnderTheJUnit4Provider() throws Exception {
        BatchRun run = BatchRun.of(List.of(BOTH), 0, true);

        assertEquals(List.of(BOTH), setNames(run, BOTH));
        assertEquals(List.of(FIRST + "#one", FIRST + "#two", SECOND + "#three"), tests(run, BOTH));
    }

    @Test
    void aSuitesMembersAreTestSetsOfTheirOwnUnderThePlatformProvider() throws Exception {
        BatchRun run = BatchRun.of(List.of(BOTH), 0, false);

        assertEquals(List.of(BOTH, FIRST, SECOND), setNames(run, BOTH));
        assertEquals(List.of(FIRST + "#one", FIRST + "#two", SECOND + "#three"), tests(run, BOTH));
    }

    @Test
    void enclosedInnerClassesCountInTheOuterClassUnderTheJUnit4Provider() throws Exception {
        String enclosing = JUnit4Samples.Enclosing.class.getName();

        BatchRun run = BatchRun.of(List.of(enclosing), 0, true);

        assertEquals(List.of(enclosing), setNames(run, enclosing));
        assertEquals(
                List.of(enclosing + "$InnerA#a", enclosing + "$InnerB#b", enclosing + "$InnerB#c"),
                tests(run, enclosing).stream().sorted().toList());
    }

    @Test
    void aJUnit3SuiteMethodsTestsAreTheClassesOwnUnderTheJUnit4Provider() throws Exception {
        String all = JUnit4Samples.AllLegacy.class.getName();
        String a = JUnit4Samples.LegacyA.class.getName();
        String b = JUnit4Samples.LegacyB.class.getName();

        BatchRun run = BatchRun.of(List.of(all), 0, true);

        assertEquals(List.of(all), setNames(run, all));
        assertEquals(List.of(a + "#testA", b + "#testB", b + "#testC"), tests(run, all));
    }

    @Test
    void aTestCaseThatNamesItselfIsReportedByItsNameInItsClass() throws Exception {
        String all = JUnit4Samples.AllConfigured.class.getName();
        String configured = JUnit4Samples.Configured.class.getName();

        for (boolean junit4Provider : new boolean[] {true, false}) {
            BatchRun run = BatchRun.of(List.of(all), 0, junit4Provider);

            assertEquals(
                    List.of(configured + "#testRead [KEEP [2, -1]]", configured + "#testRead [DELETE [8, 0]]"),
                    tests(run, all),
                    "the JUnit 4 provider's names, as Surefire 3.5.6 writes them for jimfs: " + junit4Provider);
            assertEquals(
                    List.of("", ""),
                    run.all(ForkEvent.TestFinished.class).stream()
                            .filter(t -> t.key().equals(all))
                            .map(t -> t.outcome().classDisplayName() == null
                                    ? ""
                                    : t.outcome().classDisplayName())
                            .toList(),
                    "no display name of a class");
        }
    }

    @Test
    void parameterizedTestsAreNamedByTheirIndexInTheirClass() throws Exception {
        String values = JUnit4Samples.Values.class.getName();

        BatchRun run = BatchRun.of(List.of(values), 0, true);

        assertEquals(List.of(values), setNames(run, values));
        assertEquals(List.of(values + "#positive[0]", values + "#positive[1]"), tests(run, values));
    }

    @Test
    void aSuiteMemberQueuedBesideItsSuiteIsReportedInBoth() throws Exception {
        BatchRun run = BatchRun.of(List.of(BOTH, FIRST), 0, true);

        assertEquals(List.of(FIRST + "#one", FIRST + "#two", SECOND + "#three"), tests(run, BOTH));
        assertEquals(List.of(FIRST + "#one", FIRST + "#two"), tests(run, FIRST));
        assertEquals(
                List.of(BOTH, FIRST),
                run.all(ForkEvent.ClassFinished.class).stream()
                        .map(ForkEvent.ClassFinished::key)
                        .sorted()
                        .toList());
    }

    @Test
    void aTestNgClassesStaticNestedClassRunsInItsReport() throws Exception {
        String outer = NgNestedSamples.class.getName();

        BatchRun run = BatchRun.of(List.of(outer), 0, false);

        assertEquals(
                List.of(outer + "#outer", outer + "$Inner#inner"),
                tests(run, outer).stream().sorted().toList());
        assertEquals(
                List.of(outer),
                run.all(ForkEvent.ClassFinished.class).stream()
                        .map(ForkEvent.ClassFinished::key)
                        .toList());
        assertEquals(2, run.wire().get(outer).size());
        assertEquals(List.of(outer), setNames(run, outer));
    }

    @Test
    void aRunOfSuiteFilesIsOneTestSetOfWhatTheyName() throws Exception {
        String outer = NgNestedSamples.class.getName();
        String suite = TestRunOptions.SUITE_FILES;

        BatchRun run = BatchRun.of(List.of(suite), 0, false, List.of(outer + "$Inner", outer + "#outer"));

        assertEquals(List.of(suite), setNames(run, suite));
        assertEquals(
                List.of(outer + "#outer", outer + "$Inner#inner"),
                tests(run, suite).stream().sorted().toList());
        assertEquals(
                List.of(suite),
                run.all(ForkEvent.ClassFinished.class).stream()
                        .map(ForkEvent.ClassFinished::key)
                        .toList());
        assertEquals(
                List.of(suite),
                run.all(ForkEvent.SetFinished.class).stream()
                        .map(ForkEvent.SetFinished::name)
                        .toList());
    }

    /** The test sets the console and the counts see for {@code key}, in start order. */
    private static List<String> setNames(BatchRun run, String key) {
        return run.all(ForkEvent.SetStarted.class).stream()
                .filter(s -> s.key().equals(key))
                .map(ForkEvent.SetStarted::name)
                .toList();
    }

    /** The tests reported in {@code key}'s report: their classname and name. */
    private static List<String> tests(BatchRun run, String key) {
        return run.all(ForkEvent.TestFinished.class).stream()
                .filter(t -> t.key().equals(key))
                .map(t -> t.outcome().reportClass() + "#" + t.outcome().name())
                .toList();
    }
}
