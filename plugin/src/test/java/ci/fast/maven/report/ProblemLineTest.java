package ci.fast.maven.report;

import static ci.fast.maven.report.Results.ASSERTION_TRACE;
import static ci.fast.maven.report.Results.LIBRARY_ERROR_TRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProblemLineTest {

    @Test
    void assertionFailureShowsTestLineAndMessageOnly() {
        TestResult t = Results.failed("divides", "expected: <2> but was: <3>", ASSERTION_TRACE);

        assertEquals("FooTest.divides:12 expected: <2> but was: <3>", ProblemLine.of(t));
    }

    @Test
    void theLineTheForkWordedIsTheLine() {
        // Surefire's JUnit 3 provider words it from the live exception: class#method, type, message.
        TestResult t = Results.failed("divides", "expected: <2> but was: <3>", ASSERTION_TRACE).toBuilder()
                .problemLine("com.acme.FooTest#divides AssertionFailedError expected: <2> but was: <3>")
                .build();

        assertEquals("com.acme.FooTest#divides AssertionFailedError expected: <2> but was: <3>", ProblemLine.of(t));
    }

    @Test
    void errorFromOutsideTheClassShowsShortTypeAfterGuillemet() {
        TestResult t = Results.error("reads", "java.lang.IllegalStateException", "boom", LIBRARY_ERROR_TRACE);

        assertEquals("FooTest.reads:30 » IllegalState boom", ProblemLine.of(t));
    }

    @Test
    void errorThrownInTheClassItselfHasNoGuillemet() {
        String trace = "java.lang.IllegalArgumentException: bad\n\tat com.acme.FooTest.parses(FooTest.java:7)\n";
        TestResult t = Results.error("parses", "java.lang.IllegalArgumentException", "bad", trace);

        assertEquals("FooTest.parses:7 IllegalArgument bad", ProblemLine.of(t));
    }

    @Test
    void errorWithoutFramesInTheClassFallsBackToTestName() {
        TestResult t = Results.error("boots", "java.lang.IllegalStateException", "boom", null);

        assertEquals("FooTest.boots » IllegalState boom", ProblemLine.of(t));
    }

    @Test
    void followsTheCallChainThroughHelpersOutermostFirst() {
        String trace = String.join(
                "\n",
                "org.opentest4j.AssertionFailedError: expected: <1> but was: <0>",
                "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)",
                "\tat com.acme.FooTest.check(FooTest.java:40)",
                "\tat com.acme.FooTest.divides(FooTest.java:12)");
        TestResult t = Results.failed("divides", "expected: <1> but was: <0>", trace);

        assertEquals("FooTest.divides:12->check:40 expected: <1> but was: <0>", ProblemLine.of(t));
    }

    @Test
    void namesAParameterizedInvocationByItsMethodAsSurefireDoes() {
        String trace = "org.opentest4j.AssertionFailedError: no\n\tat com.acme.FooTest.add(FooTest.java:20)";
        TestResult t = Results.failed("add(int)[2]", "no", trace);

        assertEquals("FooTest.add:20 no", ProblemLine.of(t));
    }

    @Test
    void namesTheFailingMethodWhenItIsNotTheTest() {
        String trace = "java.lang.NullPointerException: db\n\tat com.acme.FooTest.setUp(FooTest.java:8)";
        TestResult t = Results.error("divides", "java.lang.NullPointerException", "db", trace);

        assertEquals("FooTest.setUp:8 NullPointer db", ProblemLine.of(t));
    }

    @Test
    void ignoresFramesOfCauses() {
        String trace = String.join(
                "\n",
                "java.lang.RuntimeException: wrapped",
                "\tat com.acme.Lib.call(Lib.java:3)",
                "Caused by: java.io.IOException: disk",
                "\tat com.acme.FooTest.writes(FooTest.java:50)");
        TestResult t = Results.error("writes", "java.lang.RuntimeException", "wrapped", trace);

        assertEquals("FooTest.writes » Runtime wrapped", ProblemLine.of(t));
    }

    @Test
    void matchesFramesOfANestedClass() {
        String trace = "java.lang.AssertionError: inner\n\tat com.acme.FooTest$WhenEmpty.isEmpty(FooTest.java:61)";
        TestResult t = TestResult.builder("isEmpty", "com.acme.FooTest$WhenEmpty", Status.FAILED)
                .failure("java.lang.AssertionError", "inner", trace)
                .build();

        assertEquals("FooTest$WhenEmpty.isEmpty:61 inner", ProblemLine.of(t));
    }

    @Test
    void namesANestedClassesTestByItsTopLevelClassWithoutItsFramesAsSurefireDoes() {
        String trace = "java.lang.AssertionError: inner\n\tat com.acme.FooTest$WhenEmpty.isEmpty(FooTest.java:61)";
        TestResult t = TestResult.builder("isEmpty", "com.acme.FooTest$WhenEmpty", Status.FAILED)
                .failure("java.lang.AssertionError", "inner", trace)
                .build();

        assertEquals("FooTest.isEmpty inner", ProblemLine.of("com.acme.FooTest", t));
    }

    @Test
    void usesTheFirstNonBlankLineOfAMultiLineMessage() {
        TestResult t = Results.failed("all", "\nMultiple Failures (2 failures)\n\tfirst\n\tsecond", null);

        assertEquals("FooTest.all Multiple Failures (2 failures)", ProblemLine.of(t));
    }

    @Test
    void keepsATypeNamedJustException() {
        TestResult t = Results.error("throwsPlain", "java.lang.Exception", "plain", null);

        assertEquals("FooTest.throwsPlain » Exception plain", ProblemLine.of(t));
    }
}
