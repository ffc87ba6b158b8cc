package ci.fast.maven.booter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ci.fast.maven.booter.samples.DirectSamples;
import ci.fast.maven.booter.samples.JUnit3Samples;
import ci.fast.maven.booter.samples.JUnit4Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct JUnit 4 run against the Vintage engine on the same classes: the events Maven receives (and so its
 * reports) and what the orchestrator gets must be the same, timings aside; a batch the direct run does not take runs
 * through the Vintage engine.
 */
class JUnit4TestsTest {
    static Stream<List<Class<?>>> directBatches() {
        return Stream.of(
                List.of(DirectSamples.Outcomes.class),
                List.of(DirectSamples.TwiceFailing.class),
                List.of(DirectSamples.BeforeClassFails.class),
                List.of(DirectSamples.BeforeClassAssumes.class),
                List.of(DirectSamples.AfterClassFails.class),
                List.of(DirectSamples.ClassRuleFails.class),
                List.of(DirectSamples.Legacy.class),
                List.of(DirectSamples.LegacySuite.class),
                List.of(DirectSamples.Parameters.class),
                List.of(JUnit4Samples.Both.class),
                List.of(JUnit4Samples.Enclosing.class),
                List.of(JUnit4Samples.Values.class),
                List.of(JUnit4Samples.AllLegacy.class),
                List.of(JUnit4Samples.AllConfigured.class),
                List.of(JUnit4Samples.Both.class, JUnit4Samples.First.class),
                List.of(DirectSamples.AbstractBase.class, DirectSamples.Outcomes.class),
                List.of(DirectSamples.Concrete.class, DirectSamples.SuiteOnly.class),
                List.of(DirectSamples.NoTests.class, DirectSamples.Legacy.class),
                List.of(DirectSamples.Legacy.class, DirectSamples.NOT_PUBLIC, DirectSamples.Inner.class),
                List.of(
                        DirectSamples.Outcomes.class,
                        DirectSamples.BeforeClassFails.class,
                        DirectSamples.Legacy.class,
                        DirectSamples.Parameters.class,
                        JUnit4Samples.Both.class));
    }

    static Stream<List<Class<?>>> platformBatches() {
        return Stream.of(
                List.of(DirectSamples.IgnoredClass.class),
                List.of(DirectSamples.WithOwnRunner.class),
                List.of(DirectSamples.Outcomes.class, DirectSamples.IgnoredClass.class));
    }

    @ParameterizedTest
    @MethodSource("directBatches")
    void theDirectRunSendsWhatTheVintageEngineSends(List<Class<?>> classes) throws Exception {
        List<String> batch = names(classes);
        assertNotNull(JUnit4Tests.plan(batch), "the direct run takes " + batch);

        BatchRun direct = BatchRun.ofJUnit4(batch, true);
        BatchRun vintage = BatchRun.ofJUnit4(batch, false);

        assertFalse(vintage.events().isEmpty());
        assertSame(comparable(vintage), comparable(direct));
        assertEquals(comparableWire(vintage), comparableWire(direct));
    }

    @Test
    void anActiveTestSuitesTestsReportFromTheirThreadsWhileTheSuiteWaits() throws Exception {
        // The suite waits on the batch's thread for its tests' threads, which report as they run: a lock the direct
        // run held for the class's whole run deadlocked them.
        List<String> batch = List.of(JUnit3Samples.AllSuites.class.getName());
        assertNotNull(JUnit4Tests.plan(batch), "the direct run takes " + batch);

        BatchRun direct = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> BatchRun.ofJUnit4(batch, true));

        assertEquals(6, direct.all(ForkEvent.TestFinished.class).size());
        assertEquals(
                comparable(BatchRun.ofJUnit4(batch, false)).stream().sorted().toList(),
                comparable(direct).stream().sorted().toList());
    }

    @Test
    void aBatchOfClassesTheVintageEnginePassesOverSendsNothingEitherWay() throws Exception {
        List<String> batch =
                names(List.of(DirectSamples.AbstractBase.class, DirectSamples.NOT_PUBLIC, DirectSamples.NoTests.class));
        assertNotNull(JUnit4Tests.plan(batch), "the direct run takes " + batch);

        BatchRun direct = BatchRun.ofJUnit4(batch, true);
        BatchRun vintage = BatchRun.ofJUnit4(batch, false);

        assertEquals(comparable(vintage), comparable(direct));
        assertEquals(comparableWire(vintage), comparableWire(direct));
    }

    @ParameterizedTest
    @MethodSource("platformBatches")
    void aBatchTheDirectRunDoesNotTakeRunsThroughTheVintageEngine(List<Class<?>> classes) throws Exception {
        List<String> batch = names(classes);
        assertNull(JUnit4Tests.plan(batch), "left to the Vintage engine: " + batch);

        assertEquals(comparable(BatchRun.ofJUnit4(batch, false)), comparable(BatchRun.ofJUnit4(batch, true)));
    }

    /** Equal event streams; else the first event that differs, with both sides, then the whole streams. */
    private static void assertSame(List<String> vintage, List<String> direct) {
        for (int i = 0; i < Math.min(vintage.size(), direct.size()); i++) {
            assertEquals(vintage.get(i), direct.get(i), "event " + i);
        }
        assertEquals(vintage, direct);
    }

    private static List<String> names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).toList();
    }

    /** The events one per line, with their times left out (they differ from run to run). */
    private static List<String> comparable(BatchRun run) {
        return run.events().stream().map(JUnit4TestsTest::comparable).toList();
    }

    private static String comparable(ForkEvent event) {
        if (event instanceof ForkEvent.SetFinished f) {
            return new ForkEvent.SetFinished(f.key(), f.name(), f.className(), f.chainedName(), 0).toString();
        }
        if (event instanceof ForkEvent.ClassFinished f) {
            Map<String, Double> methods = new TreeMap<>();
            f.methods().keySet().forEach(name -> methods.put(name, 0.0));
            return new ForkEvent.ClassFinished(f.key(), 0, f.context(), methods).toString();
        }
        if (event instanceof ForkEvent.TestFinished t) {
            return "TestFinished[" + t.key() + ", " + t.test() + ", " + untimed(t.outcome()) + "]";
        }
        if (event instanceof ForkEvent.Output o) {
            return "Output[" + o.key() + ", " + o.test() + ", " + o.stderr() + ", "
                    + new String(o.bytes(), StandardCharsets.UTF_8) + "]";
        }
        if (event instanceof ForkEvent.SystemProperties p) {
            return "SystemProperties[" + p.key() + "]";
        }
        return event.toString();
    }

    private static TestOutcome untimed(TestOutcome o) {
        return new TestOutcome(
                o.name(),
                o.wireName(),
                o.reportClass(),
                o.status(),
                0,
                o.failureType(),
                o.failureMessage(),
                o.stackTrace(),
                o.skipReason(),
                o.classDisplayName(),
                0,
                o.phrasedName());
    }

    private static String comparableWire(BatchRun run) {
        StringBuilder text = new StringBuilder();
        run.wire()
                .forEach((key, tests) -> tests.forEach(test -> {
                    Map<String, Object> sorted = new TreeMap<>(test);
                    sorted.put("seconds", 0);
                    text.append(key).append(' ').append(sorted).append('\n');
                }));
        return text.toString();
    }
}
