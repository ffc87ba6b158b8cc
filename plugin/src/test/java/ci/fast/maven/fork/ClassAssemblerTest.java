package ci.fast.maven.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ci.fast.maven.booter.ForkEvent;
import ci.fast.maven.booter.TestOutcome;
import ci.fast.maven.report.ClassResult;
import ci.fast.maven.report.Status;
import ci.fast.maven.report.TestResult;
import ci.fast.maven.report.TestSet;
import ci.fast.maven.results.ClassArrivals;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a class counts as complete, where its output goes, and what a dead fork leaves behind. */
class ClassAssemblerTest {
    private static final String A = "com.acme.ATest";
    private static final String B = "com.acme.BTest";
    private static final String C = "com.acme.CTest";
    private static final String D = "com.acme.DTest";
    private static final boolean OUT = false;
    private static final boolean ERR = true;

    private final List<ClassResult> completed = new ArrayList<>();
    private final StringBuilder stray = new StringBuilder();
    private final ClassAssembler assembler = new ClassAssembler(completed::add, stray::append);

    @Test
    void completesWhenBothEndMarkersFollowTheFinishEvent() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(passed(A, "adds"));
        assembler.event(new ForkEvent.ClassFinished(A, 1.5, ""));
        assertEquals(List.of(), completed, "finished, but no stream has passed its end marker");

        assembler.nativeEnd(OUT, A);
        assertEquals(List.of(), completed, "stderr has not passed its end marker");

        assembler.nativeEnd(ERR, A);
        assertEquals(1, completed.size());
        ClassResult a = completed.get(0);
        assertEquals(A, a.className());
        assertEquals(1.5, a.seconds());
        assertEquals(List.of("adds"), a.tests().stream().map(TestResult::name).toList());
    }

    @Test
    void tellsArrivalsOfEachClassStartAsTheForkSaysItThenOfItsResult() {
        List<String> seen = new ArrayList<>();
        ClassArrivals arrivals = new ClassArrivals() {
            @Override
            public void classStarted(String className) {
                seen.add("started " + className);
            }

            @Override
            public void accept(ClassResult result) {
                seen.add("completed " + result.className());
            }
        };
        ClassAssembler withStarts = new ClassAssembler(arrivals, stray::append);
        withStarts.nativeText(OUT, A, "a native line before the start event\n"); // the marker came first

        withStarts.event(new ForkEvent.ClassStarted(A));
        assertEquals(List.of("started " + A), seen, "on the event, though the marker opened the class already");
        withStarts.event(passed(A, "adds"));
        withStarts.event(new ForkEvent.ClassFinished(A, 0.5, ""));
        withStarts.nativeClosed(OUT);
        withStarts.nativeClosed(ERR);

        assertEquals(List.of("started " + A, "completed " + A), seen);
    }

    @Test
    void completesWhenTheFinishEventFollowsBothEndMarkers() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.nativeEnd(ERR, A);
        assembler.nativeEnd(OUT, A);
        assertEquals(List.of(), completed, "both markers passed, but the finish event has not come");

        assembler.event(new ForkEvent.ClassFinished(A, 0.25, ""));

        assertEquals(List.of(A), names(completed));
    }

    @Test
    void aClosedStreamStandsInForItsEndMarker() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(new ForkEvent.ClassFinished(A, 0, ""));
        assembler.nativeEnd(ERR, A);
        assertEquals(List.of(), completed);

        assembler.nativeClosed(OUT);

        assertEquals(List.of(A), names(completed));
    }

    @Test
    void completesOnTheFinishEventWhenBothStreamsClosedBefore() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.nativeClosed(OUT);
        assembler.nativeClosed(ERR);
        assertEquals(List.of(), completed);

        assembler.event(new ForkEvent.ClassFinished(A, 0, ""));

        assertEquals(List.of(A), names(completed));
    }

    @Test
    void anEndMarkerOfOneClassDoesNotCompleteAnother() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(new ForkEvent.ClassFinished(A, 0, ""));
        assembler.event(new ForkEvent.ClassStarted(B));
        assembler.event(new ForkEvent.ClassFinished(B, 0, ""));

        assembler.nativeEnd(OUT, B);
        assembler.nativeEnd(ERR, B);

        assertEquals(List.of(B), names(completed));
    }

    @Test
    void completesAClassOnlyOnce() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(new ForkEvent.ClassFinished(A, 0, ""));
        assembler.nativeEnd(OUT, A);
        assembler.nativeEnd(ERR, A);

        assembler.nativeClosed(OUT);
        assembler.nativeClosed(ERR);
        assertEquals(List.of(), assembler.abandon("late").lost());

        assertEquals(List.of(A), names(completed));
    }

    @Test
    void putsCapturedAndNativeOutputInTheClassThatPrintedIt() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(new ForkEvent.ClassStarted(B));
        assembler.event(output(A, OUT, "a out\n"));
        assembler.event(output(B, ERR, "b err\n"));
        assembler.nativeText(OUT, B, "b native out\n");
        assembler.event(output(A, ERR, "a err\n"));
        assembler.nativeText(ERR, A, "a native err\n");
        assembler.event(output(B, OUT, "b out\n"));

        finishBoth(A);
        finishBoth(B);

        ClassResult a = completed.get(0);
        ClassResult b = completed.get(1);
        assertEquals("a out\n", a.stdout());
        assertEquals("a err\na native err\n", a.stderr());
        assertEquals("b native out\nb out\n", b.stdout());
        assertEquals("b err\n", b.stderr());
        assertEquals("", stray.toString());
    }

    @Test
    void keepsNonAsciiOutputSplitAcrossEvents() {
        byte[] bytes = "Grüße 测试\n".getBytes(StandardCharsets.UTF_8);
        assembler.event(new ForkEvent.ClassStarted(A));
        // A PrintStream may hand over a multi-byte character in two writes.
        assembler.event(new ForkEvent.Output(A, null, false, Arrays.copyOfRange(bytes, 0, 3)));
        assembler.event(new ForkEvent.Output(A, null, false, Arrays.copyOfRange(bytes, 3, bytes.length)));

        finishBoth(A);

        assertEquals("Grüße 测试\n", completed.get(0).stdout());
    }

    @Test
    void sendsOutputOutsideAnyClassToTheStrayConsumer() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(output("", OUT, "between classes\n"));
        assembler.nativeText(ERR, null, "jvm warning\n");
        assembler.event(output(B, OUT, "from a class not started\n"));

        finishBoth(A);

        assertEquals("between classes\njvm warning\nfrom a class not started\n", stray.toString());
        assertEquals("", completed.get(0).stdout());
        assertEquals("", completed.get(0).stderr());
    }

    @Test
    void sendsOutputOfACompletedClassToTheStrayConsumer() {
        assembler.event(new ForkEvent.ClassStarted(A));
        finishBoth(A);

        assembler.event(output(A, OUT, "printed by a thread the class left behind\n"));

        assertEquals("printed by a thread the class left behind\n", stray.toString());
        assertEquals("", completed.get(0).stdout());
    }

    @Test
    void keepsNativeOutputThatOvertookTheStartEvent() {
        // The native streams and the event socket are read by different threads: the start marker and what
        // follows it may be seen before the ClassStarted event.
        assembler.nativeText(OUT, A, "early native\n");
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.nativeText(OUT, A, "later native\n");

        finishBoth(A);

        assertEquals("early native\nlater native\n", completed.get(0).stdout());
        assertEquals("", stray.toString());
    }

    @Test
    void completesWhenTheEndMarkersOvertookTheStartEvent() {
        assembler.nativeEnd(OUT, A);
        assembler.nativeEnd(ERR, A);
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(passed(A, "adds"));

        assembler.event(new ForkEvent.ClassFinished(A, 0.5, ""));

        assertEquals(List.of(A), names(completed), "complete now, not only when the fork's streams close");
    }

    @Test
    void reportsTheStartedUnfinishedClassAsLostAndLeavesUnstartedOnesToTheServer() {
        assembler.event(new ForkEvent.Batch(List.of(A, B, C, D)));
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(passed(A, "adds"));
        finishBoth(A);
        assembler.event(new ForkEvent.ClassStarted(B));
        assembler.event(passed(B, "reads"));
        assembler.event(output(B, OUT, "b was here\n"));
        assertEquals(List.of(A), names(completed));

        String cause = "the forked JVM was killed by signal 9 (SIGKILL) (exit code 137)";
        ClassAssembler.Abandoned abandoned = assembler.abandon(cause);

        assertEquals(List.of(B), abandoned.lost());
        assertEquals(List.of(C, D), abandoned.unstarted(), "never started: another fork runs them");
        assertEquals(List.of(A, B), names(completed), "A once, then the lost class; C and D not at all");
        ClassResult b = completed.get(1);
        assertEquals(
                List.of("reads", "BTest"),
                b.tests().stream().map(TestResult::name).toList());
        assertEquals("b was here\n", b.stdout(), "what the lost class printed stays in its report");
        TestResult crash = b.tests().get(1);
        assertEquals(Status.ERROR, crash.status());
        assertEquals(B, crash.className());
        assertEquals(cause, crash.failureMessage());
        assertEquals(1, b.errors());
    }

    @Test
    void carriesTheWireResultsOfTheDeadForksBatchThatTheServerHasNotHad() {
        assembler.event(new ForkEvent.Batch(List.of(A, B)));
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(passed(A, "adds"));
        finishBoth(A);
        assembler.event(new ForkEvent.Batch(List.of(C, D)));
        assembler.event(new ForkEvent.ClassStarted(C));
        assembler.event(passed(C, "counts"));
        finishBoth(C);
        assembler.event(new ForkEvent.ClassStarted(D));

        ClassAssembler.Abandoned abandoned = assembler.abandon("gone");

        assertEquals(List.of(C, D), List.copyOf(abandoned.carried().keySet()), "A went with the deq that got C, D");
        Map<String, Object> counts = abandoned.carried().get(C).get(0);
        assertEquals("counts()", counts.get("name"));
        assertEquals("passed", counts.get("status"));
        Map<String, Object> crash = abandoned.carried().get(D).get(0);
        assertEquals("DTest", crash.get("name"));
        assertEquals("failed", crash.get("status"));
        assertEquals("gone", crash.get("failure"));
    }

    @Test
    void doesNotReportAFinishedClassThatOnlyLacksItsEndMarkersAsLost() {
        assembler.event(new ForkEvent.Batch(List.of(A, B)));
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(passed(A, "adds"));
        assembler.event(new ForkEvent.ClassFinished(A, 0.5, ""));
        assembler.nativeEnd(OUT, A);

        ClassAssembler.Abandoned abandoned = assembler.abandon("the forked JVM exited with code 1 before finishing");

        assertEquals(List.of(), abandoned.lost());
        assertEquals(List.of(B), abandoned.unstarted());
        assertEquals(List.of(A), names(completed));
        ClassResult a = completed.get(0);
        assertEquals(0, a.errors());
        assertEquals(List.of("adds"), a.tests().stream().map(TestResult::name).toList());
        assertEquals(List.of(A), List.copyOf(abandoned.carried().keySet()));
    }

    @Test
    void abandonsNothingWhenEveryClassOfTheBatchCompleted() {
        assembler.event(new ForkEvent.Batch(List.of(A)));
        assembler.event(new ForkEvent.ClassStarted(A));
        finishBoth(A);

        ClassAssembler.Abandoned abandoned = assembler.abandon("gone");
        assertEquals(List.of(), abandoned.lost());
        assertEquals(List.of(), abandoned.unstarted());
        assertEquals(List.of(A), names(completed));
    }

    @Test
    void convertsEachOutcomeToATestResult() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(new ForkEvent.TestFinished(
                A,
                null,
                new TestOutcome(
                                "divides",
                                "divides()",
                                A + "$Inner",
                                TestOutcome.FAILED,
                                0.012,
                                "org.opentest4j.AssertionFailedError",
                                "expected: <2>",
                                "trace",
                                null)
                        .withStartedAt(1_764_584_130_123L)));
        assembler.event(new ForkEvent.TestFinished(
                A, null, new TestOutcome("skips", "skips()", A, TestOutcome.SKIPPED, 0, null, null, null, "disabled")));

        finishBoth(A);

        TestResult divides = completed.get(0).tests().get(0);
        assertEquals(
                TestResult.builder("divides", A + "$Inner", Status.FAILED)
                        .seconds(0.012)
                        .failure("org.opentest4j.AssertionFailedError", "expected: <2>", "trace")
                        .startedAt(1_764_584_130_123L)
                        .build(),
                divides);
        TestResult skips = completed.get(0).tests().get(1);
        assertEquals(Status.SKIPPED, skips.status());
        assertEquals("disabled", skips.skipReason());
        assertNull(skips.stackTrace());
        assertTrue(completed.get(0).hasProblems());
    }

    @Test
    void givesEachClassTheForksPropertiesAsLastSentBeforeItsFinish() {
        // The fork sends its properties only when they changed since the class before; B's markers lag behind C's
        // properties, and B still gets the properties it finished with.
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(new ForkEvent.SystemProperties(A, Map.of("db", "one")));
        assembler.event(new ForkEvent.ClassFinished(A, 1, ""));
        assembler.event(new ForkEvent.ClassStarted(B));
        assembler.event(new ForkEvent.ClassFinished(B, 1, ""));
        assembler.event(new ForkEvent.ClassStarted(C));
        assembler.event(new ForkEvent.SystemProperties(C, Map.of("db", "two")));
        assembler.event(new ForkEvent.ClassFinished(C, 1, ""));
        for (String key : List.of(A, B, C)) {
            assembler.nativeEnd(OUT, key);
            assembler.nativeEnd(ERR, key);
        }

        assertEquals(List.of(A, B, C), names(completed));
        assertEquals(
                List.of(Map.of("db", "one"), Map.of("db", "one"), Map.of("db", "two")),
                completed.stream().map(ClassResult::properties).toList());
    }

    @Test
    void givesEachTestWhatItPrintedAndWhatWasPrintedOutsideAnyTestBeforeIt() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(new ForkEvent.SetStarted(A, A));
        assembler.event(output(A, null, OUT, "static init\n"));
        assembler.event(output(A, null, ERR, "before all\n"));
        assembler.event(output(A, "1", OUT, "first\n"));
        assembler.event(output(A, "2", OUT, "second, on another thread\n"));
        assembler.event(finished(A, "1", "first"));
        assembler.event(output(A, "2", ERR, "second again\n"));
        assembler.event(finished(A, "2", "second"));
        assembler.event(finished(A, "3", "silent"));
        assembler.event(output(A, null, OUT, "after all\n"));
        assembler.event(new ForkEvent.SetFinished(A, A, A, A, 0.5));
        finishBoth(A);

        ClassResult a = completed.get(0);
        TestResult first = a.tests().get(0);
        assertEquals("static init\nfirst\n", first.stdout());
        assertEquals("before all\n", first.stderr());
        TestResult second = a.tests().get(1);
        assertEquals("second, on another thread\n", second.stdout(), "its own, though printed before first ended");
        assertEquals("second again\n", second.stderr());
        assertEquals("", a.tests().get(2).stdout());
        assertEquals("", a.tests().get(2).stderr());
        assertEquals(
                "static init\nfirst\nsecond, on another thread\nafter all\n",
                a.stdout(),
                "the class keeps everything, the @AfterAll's output too, for the console");
        assertEquals("", a.nativeOut());
    }

    @Test
    void dropsWhatAContainerPrintedAfterItsLastTestFromTheNextTest() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(finished(A, "1", "outer"));
        assembler.event(new ForkEvent.SetStarted(A, A + "$Inner"));
        assembler.event(output(A, null, OUT, "inner before all\n"));
        assembler.event(finished(A, "2", "inner"));
        assembler.event(output(A, null, OUT, "inner after all\n"));
        assembler.event(new ForkEvent.SetFinished(A, A + "$Inner", A + "$Inner", A + "$Inner", 0.25));
        assembler.event(new ForkEvent.SetStarted(A, A + "$Other"));
        assembler.event(finished(A, "3", "other"));
        assembler.event(new ForkEvent.SetFinished(A, "Other by name", A + "$Other", A + "$Other", 0.125));
        assembler.event(new ForkEvent.SetFinished(A, A, A, A, 1));
        finishBoth(A);

        ClassResult a = completed.get(0);
        assertEquals("inner before all\n", a.tests().get(1).stdout());
        assertEquals("", a.tests().get(2).stdout(), "the inner @AfterAll's output is no test's, as under Surefire");
        assertEquals(
                List.of(
                        new TestSet(A + "$Inner", A + "$Inner", A + "$Inner", 2, 0.25),
                        new TestSet("Other by name", A + "$Other", A + "$Other", 3, 0.125),
                        new TestSet(A, A, A, 3, 1)),
                a.sets());
    }

    @Test
    void keepsNativeOutputApartForTheSuite() {
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(output(A, "1", OUT, "captured\n"));
        assembler.nativeText(OUT, A, "native\n");
        assembler.event(finished(A, "1", "adds"));
        finishBoth(A);

        ClassResult a = completed.get(0);
        assertEquals("captured\n", a.tests().get(0).stdout());
        assertEquals("native\n", a.nativeOut());
        assertEquals("captured\nnative\n", a.stdout());
    }

    @Test
    void givesALostClassCrashWhatItsRunningTestPrinted() {
        assembler.event(new ForkEvent.Batch(List.of(A)));
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(output(A, null, OUT, "connecting\n"));
        assembler.event(output(A, "1", OUT, "about to crash\n"));

        assembler.abandon("killed");

        TestResult crash = completed.get(0).tests().get(0);
        assertEquals(Status.ERROR, crash.status());
        assertEquals("connecting\nabout to crash\n", crash.stdout());
    }

    @Test
    void givesEachRerunItsOwnOutput() {
        TestOutcome failure = new TestOutcome(
                "flaky", "flaky()", A, TestOutcome.FAILED, 0.1, "java.lang.AssertionError", "once", "trace", null);
        assembler.event(new ForkEvent.ClassStarted(A));
        assembler.event(output(A, "1", OUT, "run 1\n"));
        assembler.event(new ForkEvent.TestFinished(A, "1", failure));
        assembler.event(output(A, "2", OUT, "run 2\n"));
        assembler.event(new ForkEvent.TestRerun(A, "2", failure));
        finishBoth(A);

        TestResult flaky = completed.get(0).tests().get(0);
        assertEquals("run 1\n", flaky.stdout());
        assertEquals("run 2\n", flaky.reruns().get(0).stdout());
    }

    @Test
    void announcesEachContainerByItsName() {
        List<String> announced = new ArrayList<>();
        ClassAssembler withStart = new ClassAssembler(completed::add, stray::append, announced::add);

        withStart.event(new ForkEvent.ClassStarted(A));
        withStart.event(new ForkEvent.SetStarted(A, "A named suite"));
        withStart.event(new ForkEvent.SetStarted(A, A + "$Inner"));

        assertEquals(List.of("A named suite", A + "$Inner"), announced);
    }

    private static ForkEvent.TestFinished finished(String key, String token, String name) {
        return new ForkEvent.TestFinished(
                key, token, new TestOutcome(name, name + "()", key, TestOutcome.PASSED, 0.001, null, null, null, null));
    }

    private static ForkEvent.Output output(String key, String token, boolean stderr, String text) {
        return new ForkEvent.Output(key, token, stderr, text.getBytes(StandardCharsets.UTF_8));
    }

    private void finishBoth(String key) {
        assembler.event(new ForkEvent.ClassFinished(key, 0.1, ""));
        assembler.nativeEnd(OUT, key);
        assembler.nativeEnd(ERR, key);
    }

    @Test
    void attachesRerunsToTheirTestAndTakesTheForksPropertiesAndDisplayName() {
        List<String> announced = new ArrayList<>();
        ClassAssembler withStart = new ClassAssembler(completed::add, stray::append, announced::add);
        TestOutcome failure = new TestOutcome(
                "flaky", "flaky()", A, TestOutcome.FAILED, 0.1, "java.lang.AssertionError", "once", "trace", null);
        TestOutcome pass =
                new TestOutcome("flaky", "flaky()", A, TestOutcome.PASSED, 0.1, null, null, null, null, "A named test");
        withStart.event(new ForkEvent.ClassStarted(A));
        withStart.event(new ForkEvent.SetStarted(A, A));
        withStart.event(passed(A, "steady"));
        withStart.event(new ForkEvent.TestFinished(A, "2", failure));
        withStart.event(new ForkEvent.TestRerun(A, "3", failure));
        withStart.event(new ForkEvent.TestRerun(A, "4", pass));
        withStart.event(new ForkEvent.SystemProperties(A, Map.of("runner", "fork")));
        withStart.event(new ForkEvent.ClassFinished(A, 1, ""));
        withStart.nativeClosed(OUT);
        withStart.nativeClosed(ERR);

        assertEquals(List.of(A), announced);
        ClassResult a = completed.get(0);
        assertEquals(
                List.of("steady", "flaky"),
                a.tests().stream().map(TestResult::name).toList());
        TestResult flaky = a.tests().get(1);
        assertEquals(2, flaky.reruns().size());
        assertTrue(flaky.isFlaky());
        assertEquals(1, a.flakes());
        assertEquals(0, a.failures());
        assertEquals(Map.of("runner", "fork"), a.properties());
        assertEquals("A named test", flaky.reruns().get(1).reportClassName());
    }

    private static ForkEvent.TestFinished passed(String key, String name) {
        return new ForkEvent.TestFinished(
                key, null, new TestOutcome(name, name + "()", key, TestOutcome.PASSED, 0.001, null, null, null, null));
    }

    private static ForkEvent.Output output(String key, boolean stderr, String text) {
        return new ForkEvent.Output(key, null, stderr, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(List<ClassResult> results) {
        return results.stream().map(ClassResult::className).toList();
    }
}
