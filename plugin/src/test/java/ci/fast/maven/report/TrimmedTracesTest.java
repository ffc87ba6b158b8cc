package ci.fast.maven.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrimmedTracesTest {
    @Test
    void keepsTheExceptionLineAndTheTestClassFrames() {
        assertEquals(
                String.join(
                        "\n",
                        "org.opentest4j.AssertionFailedError: expected: <2> but was: <3>",
                        "\tat app//com.acme.FooTest.divides(FooTest.java:12)",
                        ""),
                TrimmedTraces.trim(Results.ASSERTION_TRACE, Results.CLASS));
    }

    @Test
    void keepsCausesAndNestedClassFrames() {
        String trace = String.join(
                "\n",
                "java.lang.IllegalStateException: wrapped",
                "\tat com.acme.Lib.call(Lib.java:3)",
                "\tat com.acme.FooTest$Inner.calls(FooTest.java:20)",
                "Caused by: java.io.IOException: disk",
                "\tat com.acme.Lib.read(Lib.java:9)",
                "\t... 4 more");
        assertEquals(
                String.join(
                        "\n",
                        "java.lang.IllegalStateException: wrapped",
                        "\tat com.acme.FooTest$Inner.calls(FooTest.java:20)",
                        "Caused by: java.io.IOException: disk",
                        "\t... 4 more"),
                TrimmedTraces.trim(trace, Results.CLASS));
    }

    @Test
    void keepsATraceWithNoFrameOfTheTestClassWhole() {
        assertEquals(Results.LIBRARY_ERROR_TRACE, TrimmedTraces.trim(Results.LIBRARY_ERROR_TRACE, "com.acme.BarTest"));
    }

    @Test
    void doesNotMistakeAClassWithTheSamePrefixForTheTestClass() {
        String trace = "java.lang.Error: x\n\tat com.acme.FooTestHelper.go(FooTestHelper.java:1)\n"
                + "\tat com.acme.FooTest.t(FooTest.java:2)";
        assertEquals(
                "java.lang.Error: x\n\tat com.acme.FooTest.t(FooTest.java:2)",
                TrimmedTraces.trim(trace, Results.CLASS));
    }

    @Test
    void trimsEveryTestOfAClassResultAndLeavesPassedTestsAlone() {
        ClassResult r = ClassResult.builder(Results.CLASS)
                .tests(List.of(
                        Results.passed("ok", 0.1), Results.failed("divides", "expected: <2>", Results.ASSERTION_TRACE)))
                .seconds(0.3)
                .output("out", "err")
                .build();

        ClassResult trimmed = TrimmedTraces.of(r);

        assertNull(trimmed.tests().get(0).stackTrace());
        assertEquals(
                TrimmedTraces.trim(Results.ASSERTION_TRACE, Results.CLASS),
                trimmed.tests().get(1).stackTrace());
        assertEquals("expected: <2>", trimmed.tests().get(1).failureMessage());
        assertEquals("out", trimmed.stdout());
    }
}
